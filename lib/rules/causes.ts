/** The six causes of spec 4.2, in the order they are tried: first match wins. */
export const CAUSE_ORDER = [
  "missing_credential",
  "malformed_credential",
  "invalid_expired_revoked",
  "no_resource_access",
  "invalid_unspecified",
  "unknown",
] as const;

export type Cause = (typeof CAUSE_ORDER)[number];

export type CauseDescription = {
  /** A short name for lists and filters. */
  title: string;
  /** What happened, in words an API consumer understands. */
  explanation: string;
  /** What to do about it. */
  remedy: string;
};

/** What each cause means for the people whose call was rejected. */
export const CAUSES: Record<Cause, CauseDescription> = {
  missing_credential: {
    title: "Credential missing",
    explanation:
      "The gateway looked for the credential this API requires and found none: it was not sent, or was sent under another name or in another place (a header instead of a query parameter, for example).",
    remedy:
      "Send the credential the API requires, under the exact name and in the place the gateway names (header, query parameter or cookie).",
  },
  malformed_credential: {
    title: "Credential sent with extra whitespace",
    explanation:
      "The credential arrived with a leading or trailing space, tab or line break, so the gateway compared a value that differs from the one it issued and rejected it.",
    remedy:
      "Send the credential exactly as it was generated: strip surrounding spaces and line breaks (often left by copying it from a file or a terminal).",
  },
  invalid_expired_revoked: {
    title: "Credential invalid, expired or revoked",
    explanation:
      "The gateway did not recognise the credential: it was never issued, has expired, or was revoked.",
    remedy: "Request a new token (or credential) and send that; if it keeps happening, check the token's lifetime and refresh it before it expires.",
  },
  no_resource_access: {
    title: "No access to this resource",
    explanation:
      "The credential is valid, but the app it belongs to is not allowed to call this API resource: its plan or permissions do not cover it.",
    remedy: "Grant the app access to this API's plan or resource in the gateway (or use an app that has it).",
  },
  invalid_unspecified: {
    title: "Credential rejected (reason not logged)",
    explanation:
      "The gateway answered that the credential is invalid but its trace does not say whether it was unknown, expired, revoked, or lacked access to the resource.",
    remedy:
      "Check that the credential is current and that its app may call this resource; enable the gateway's trace for this API to see which it was.",
  },
  unknown: {
    title: "Unexplained 401",
    explanation: "The call was rejected, but not with any credential message this tool knows; the response body is kept as it was.",
    remedy: "Read the response body and the call's trace; the rejection may come from the backend or from a custom interceptor.",
  },
};
