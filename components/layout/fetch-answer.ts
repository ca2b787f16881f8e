import type { z } from "zod";
import { errorAnswer } from "@/lib/ingest/upload-answer";

/** What a failed answer says, in the server's words when it gave them (`{"error": {"message"}}`). */
export function failureOf(body: unknown, status: number): string {
  return errorAnswer.safeParse(body).data?.error.message ?? `the server answered ${status}`;
}

/**
 * A request to the API and its answer read through `schema`, or why there is
 * none, in words for the page: the server's own message, an answer that
 * could not be read, or a server out of reach.
 */
export async function fetchAnswer<T>(input: string, init: RequestInit, schema: z.ZodType<T>): Promise<{ answer: T } | { failed: string }> {
  try {
    const response = await fetch(input, init);
    const body: unknown = await response.json();
    if (!response.ok) return { failed: failureOf(body, response.status) };
    const answer = schema.safeParse(body);
    return answer.success ? { answer: answer.data } : { failed: "the server's answer could not be read" };
  } catch {
    return { failed: "the server could not be reached" };
  }
}
