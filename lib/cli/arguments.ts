import type { z } from "zod";

/** Arguments that do not fit: printed as one line, exit code 2, like unreadable input. */
export class UsageError extends Error {}

/** The command's arguments, checked; the first problem found becomes a UsageError. */
export function parseArguments<T>(schema: z.ZodType<T>, values: unknown): T {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  throw new UsageError(parsed.error.issues[0]?.message ?? "invalid arguments");
}
