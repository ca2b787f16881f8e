import type { CredentialSummary } from "@/lib/explorer";

/** A credential as a person recognises it: its name and masked preview, never its value or fingerprint. */
export function credentialLabel(credential: CredentialSummary | null | undefined): string {
  return credential ? `${credential.name} ${credential.preview}` : "a credential no stored call carried";
}
