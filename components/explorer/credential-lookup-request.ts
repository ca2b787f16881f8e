import { credentialLookupAnswer, type CredentialLookup } from "@/lib/explorer/credential-lookup-answer";
import { errorAnswer } from "@/lib/ingest/upload-answer";

export type Finding = { kind: "idle" } | { kind: "looking" } | { kind: "found"; lookup: CredentialLookup } | { kind: "failed"; message: string };

/** Asks the server which stored calls carried `value`, in a POST body: never in a URL. */
export async function requestLookup(value: string): Promise<Finding> {
  try {
    const response = await fetch("/api/credentials/lookup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ value }) });
    const body: unknown = await response.json();
    if (!response.ok) return { kind: "failed", message: errorAnswer.safeParse(body).data?.error.message ?? `the server answered ${response.status}` };
    const lookup = credentialLookupAnswer.safeParse(body);
    return lookup.success ? { kind: "found", lookup: lookup.data } : { kind: "failed", message: "the server's answer could not be read" };
  } catch {
    return { kind: "failed", message: "the server could not be reached" };
  }
}

const TOKEN_LIKE = /^(?:Bearer\s+)?[A-Za-z0-9._~+/=-]{16,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a search looks like a whole credential someone pasted: a long run
 * of token characters mixing letters and digits, with no path in it (a URI)
 * and not a call reference (a UUID).
 */
export function looksLikeCredential(text: string): boolean {
  return TOKEN_LIKE.test(text) && /\d/.test(text) && /[A-Za-z]/.test(text) && !text.includes("/") && !UUID.test(text);
}
