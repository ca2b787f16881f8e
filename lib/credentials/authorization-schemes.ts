/** Authorization schemes whose credentials are one token after the scheme (`Bearer X`), as a pattern's alternatives. */
export const TOKEN_SCHEMES = "bearer|basic|token|jwt|apikey|api-key|oauth|mac|hmac|negotiate|ntlm";

/** A whole value that is a known scheme and its one token. Groups: the scheme, the token. */
export const SCHEME_AND_TOKEN = new RegExp(String.raw`^(${TOKEN_SCHEMES})[ \t]+(\S+)$`, "i");
