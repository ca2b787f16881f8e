import { squeezedName, type CredentialElement, type CredentialLocation } from "../rules";

type NamedPlace = { location: CredentialLocation; name: string };

/**
 * The credentials a call carried that are most likely the one the gateway
 * looked for and did not find: the same name in another place or spelling
 * (`?access_token=` for header `access_token`, `X-Client-Id` for
 * `client_id`), or a token in the Authorization header where the gateway
 * wants an access token under its own name. "Credential missing" is most
 * often this, and the call's own lines show it.
 */
export function sentElsewhere<Carried extends NamedPlace>(expected: NamedPlace & { element: CredentialElement }, carried: readonly Carried[]): Carried[] {
  const wanted = comparableName(expected.name);
  return carried.filter((credential) => {
    if (credential.location === expected.location && credential.name === expected.name) return false;
    if (comparableName(credential.name) === wanted) return true;
    return expected.element === "access_token" && credential.location === "header" && credential.name.toLowerCase() === "authorization";
  });
}

/** `X-Client-Id`, `client_id` and `ClientID` alike: case, separators and the `x-` of custom headers set aside. */
function comparableName(name: string): string {
  return squeezedName(name.replace(/^x-/i, ""));
}
