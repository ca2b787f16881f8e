import type { CredentialSummary } from "@/lib/explorer";

/** A credential as a person recognises it: its name and masked preview, never its value. */
export function credentialLabel(credential: CredentialSummary | null | undefined): string {
  return credential ? `${credential.name} ${credential.preview}` : "a credential no stored call carried";
}

/**
 * Labels for credentials listed together, each told apart: two tokens can
 * share a name and a masked preview (`client_id CLIE…XYZ`), and then each
 * of those gets the start of its fingerprint (`#8923c3`), a keyed hash
 * that says nothing of the value.
 */
export function distinctCredentialLabels(credentials: ReadonlyArray<{ fingerprint: string; credential: CredentialSummary | null }>): string[] {
  const labels = credentials.map(({ credential }) => credentialLabel(credential));
  return labels.map((label, index) => (labels.indexOf(label) !== labels.lastIndexOf(label) ? `${label} #${credentials[index]?.fingerprint.slice(0, 6)}` : label));
}
