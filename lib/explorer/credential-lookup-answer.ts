import { z } from "zod";

// Shared by the server and the browser, which must not load the server's side of the lookup.

/** A credential value someone holds, as the lookup takes it: pasted, so surrounding whitespace is dropped as fingerprints drop it. */
export const credentialLookupRequest = z.object({ value: z.string().trim().min(1).max(16_384) }).strict();

/**
 * What the store knows of a credential someone holds: never the value, only
 * what the calls that carried it say. `credential` is how calls sent it
 * (their most common name), null when no stored call carried it; `carriedBy`
 * counts the stored calls that carried it, `refusedIn` the rejections whose
 * refused credential it was. The browser reads the answer through it too.
 */
export const credentialLookupAnswer = z.object({
  fingerprint: z.string(),
  preview: z.string(),
  credential: z.object({ name: z.string(), preview: z.string() }).nullable(),
  carriedBy: z.number().int(),
  refusedIn: z.number().int(),
});
export type CredentialLookup = z.infer<typeof credentialLookupAnswer>;
