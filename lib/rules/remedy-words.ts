import type { CredentialElement, CredentialLocation } from "./credential-terms";

/** What a call names that a remedy puts in its words, each when the trace has it. */
export type RemedyNames = {
  credential?: { element: CredentialElement; label: string | null; location: CredentialLocation; name: string } | null;
  app?: string | null;
  api?: string | null;
};

const ELEMENT_WORDS: Record<CredentialElement, string> = { access_token: "access token", client_id: "client ID", custom: "credential" };

/** Each placeholder's words, from the call's names or, without them, words that fit any call. */
const WORDS = {
  credential: ({ credential }: RemedyNames) => (credential ? credentialWords(credential) : "the credential the gateway names"),
  app: ({ app }: RemedyNames) => (app ? `the app ${app}` : "the app"),
  api: ({ api }: RemedyNames) => (api ? `the ${api}${/\bapi$/i.test(api) ? "" : " API"}` : "this API"),
};

/** "the Access Token in header access_token"; "the header Authorization" where the label only repeats the name. */
function credentialWords({ element, label, location, name }: NonNullable<RemedyNames["credential"]>): string {
  // The same word, not only the same letters: "the Access Token in header access_token" says what the header holds.
  if (label?.toLowerCase() === name.toLowerCase()) return `the ${location} ${name}`;
  return `the ${label ?? ELEMENT_WORDS[element]} in ${location} ${name}`;
}

/**
 * A remedy of the rules table with the call's names put in: "Grant the app
 * Partner Portal access to the Orders API's plan" tells whoever reads it
 * which grant to ask for.
 */
export function fillRemedy(template: string, names: RemedyNames): string {
  return template.replace(/\{(credential|app|api)\}/g, (_, key: keyof typeof WORDS) => WORDS[key](names));
}
