// One access token that the gateway refused in two calls, and that two more
// calls carried: one refused for its client id, one that passed. What a
// credential "failed" in and what it was merely sent in differ here.

export const SHARED_TOKEN = "Rf7QzT2pLk9WmX4vNc8B";
export const SHARED_TOKEN_PREVIEW = "Rf7Q…c8B";
export const REFUSED_IN = ["cred-refused-1", "cred-refused-2"];
export const CARRIED_IN = [...REFUSED_IN, "cred-other-refused", "cred-passed"];

const TOKEN_NOT_FOUND = "Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call";
const TOKEN_INVALID = 'Response: 401 body="Access Token in the request, identified by HEADER access_token, is invalid. Check docs.sensedia.com"';

const call = (ref: string, second: number, ...says: string[]) =>
  [`Request: GET /cards/v1/limits api="Cards" app="Wallet"`, `Request header access_token: "${SHARED_TOKEN}"`, ...says].map(
    (text, index) => `2026-11-22T09:00:${String(second).padStart(2, "0")}.${index}00Z INFO [callId=${ref}] ${text}`,
  );

export const SHARED_CREDENTIAL_TRACE = [
  ...call("cred-refused-1", 1, TOKEN_NOT_FOUND, TOKEN_INVALID),
  ...call("cred-refused-2", 2, TOKEN_NOT_FOUND, TOKEN_INVALID),
  ...call(
    "cred-other-refused",
    3,
    'Request header client_id: "cid-90817263"',
    "Client Id in HEADER client_id DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call",
    'Response: 401 body="Client Id in the request, identified by HEADER client_id, is invalid. Check docs.sensedia.com"',
  ),
  ...call("cred-passed", 4, 'Response: 200 body="{}"'),
].join("\n");
