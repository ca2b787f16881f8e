import { z } from "zod";

// Shared by the server and the browser, which must not load the server's side of the lookup.

/** A credential value someone holds, as the lookup takes it: pasted, so surrounding whitespace is dropped as fingerprints drop it. */
export const credentialLookupRequest = z.object({ value: z.string().trim().min(1).max(16_384) }).strict();

/** Calls of one kind, when they came (ISO 8601; null when none has a time), and the APIs they went to (the first five by name). */
const callsOverTime = z.object({ calls: z.number().int(), first: z.string().nullable(), last: z.string().nullable(), apis: z.array(z.string()) });
export type CallsOverTime = z.infer<typeof callsOverTime>;

/**
 * What the stored calls say of one credential over time:
 * - `stopped_working`: accepted, then refused from some moment on (an expired or revoked token);
 * - `started_working`: refused, then accepted (fixed: access granted, or sent clean);
 * - `mixed`: accepted and refused over the same period (by some APIs or resources, not others);
 * - `never_accepted`: no stored call had it accepted (a wrong token, one from another environment);
 * - `never_refused`: no stored call had it refused.
 */
export const credentialHistoryAnswer = z.object({
  accepted: callsOverTime,
  refused: callsOverTime,
  story: z.enum(["stopped_working", "started_working", "mixed", "never_accepted", "never_refused"]),
});
export type CredentialHistory = z.infer<typeof credentialHistoryAnswer>;
export type CredentialStory = CredentialHistory["story"];

/**
 * What the store knows of a credential someone holds: never the value, only
 * what the calls that carried it say. `credential` is how calls sent it
 * (their most common name), null when no stored call carried it; `carriedBy`
 * counts the stored calls that carried it, `refusedIn` the rejections whose
 * refused credential it was, `history` when it was accepted and refused.
 * The browser reads the answer through it too.
 */
export const credentialLookupAnswer = z.object({
  fingerprint: z.string(),
  preview: z.string(),
  credential: z.object({ name: z.string(), preview: z.string() }).nullable(),
  carriedBy: z.number().int(),
  refusedIn: z.number().int(),
  /** Null when no stored call carried it. */
  history: credentialHistoryAnswer.nullable(),
});
export type CredentialLookup = z.infer<typeof credentialLookupAnswer>;
