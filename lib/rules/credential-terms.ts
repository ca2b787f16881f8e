/** Where a request carries a credential, as the gateway's LOCATION names it (spec 4.1). */
export const CREDENTIAL_LOCATIONS = ["header", "query", "cookie"] as const;
export type CredentialLocation = (typeof CREDENTIAL_LOCATIONS)[number];

export const CREDENTIAL_ELEMENTS = ["access_token", "client_id", "custom"] as const;
export type CredentialElement = (typeof CREDENTIAL_ELEMENTS)[number];

/** `Access Token`/`Access token` → access_token; `Client Id` or `APP` → client_id; any other label is custom. */
export function elementOf(label: string): CredentialElement {
  const squeezed = squeezedName(label);
  if (squeezed === "accesstoken") return "access_token";
  if (squeezed === "clientid" || squeezed === "app") return "client_id";
  return "custom";
}

/** A name or label with case and separators set aside: `Access Token`, `access_token` and `ACCESS-TOKEN` alike. */
export function squeezedName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}
