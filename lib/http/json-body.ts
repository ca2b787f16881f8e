import type { z } from "zod";
import { HttpError } from "./errors";

/**
 * A request's JSON body read through `schema`. A body that is not JSON or
 * does not fit answers 400 with `expected`, and never quotes what was sent:
 * it may be a credential.
 */
export async function jsonBody<Schema extends z.ZodType>(request: Request, schema: Schema, expected: string): Promise<z.output<Schema>> {
  const body: unknown = await request.json().catch(() => NOT_JSON);
  if (body === NOT_JSON) throw new HttpError(400, "invalid_body", `the body must be JSON: ${expected}`);
  const parsed = schema.safeParse(body);
  // JSON that does not fit (an empty value, say) is told as such, not as no JSON at all.
  if (!parsed.success) throw new HttpError(400, "invalid_body", `the body must be ${expected}`);
  return parsed.data;
}

const NOT_JSON = Symbol("not JSON");
