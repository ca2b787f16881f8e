import { fetchAnswer } from "@/components/layout/fetch-answer";
import { credentialLookupAnswer, type CredentialLookup } from "@/lib/explorer/credential-lookup-answer";

export type Finding = { kind: "idle" } | { kind: "looking" } | { kind: "found"; lookup: CredentialLookup } | { kind: "failed"; message: string };

/** Asks the server which stored calls carried `value`, in a POST body: never in a URL. */
export async function requestLookup(value: string): Promise<Finding> {
  const init = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ value }) };
  const read = await fetchAnswer("/api/credentials/lookup", init, credentialLookupAnswer);
  return "answer" in read ? { kind: "found", lookup: read.answer } : { kind: "failed", message: read.failed };
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
