// Fifteen partner apps, "Partner 00" to "Partner 14", each calling an API of
// its own ("Cards 00" to "Cards 14"): Partner 00 the busiest with 30 calls,
// each next one a call fewer, so a facet's twelve most frequent values leave
// out the last three partners and their APIs. One call in three is refused:
// a partner's first for a missing credential, its next two for no access,
// the rest for an unknown token. By count the causes rank the other way
// round from the rules table's order.

export const PARTNER_COUNT = 15;
export const partnerName = (index: number) => `Partner ${String(index).padStart(2, "0")}`;
export const partnerCalls = (index: number) => 30 - index;
/** Every third call, from the first. */
export const partnerRejections = (index: number) => Math.ceil(partnerCalls(index) / 3);

export const PARTNER_TOTALS = { calls: 345, rejections: 120 } as const;
/** The rejections by cause: 15 + 30 + 75. */
export const PARTNER_CAUSES = { missing_credential: 15, no_resource_access: 30, invalid_expired_revoked: 75 } as const;

const MISSING = 'Response: 401 body="Could not find a required Access Token in the request, identified by HEADER access_token"';
const NO_ACCESS = [
  "Client Id in HEADER client_id DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call",
  'Response: 401 body="Client Id in the request, identified by HEADER client_id, is invalid."',
];
const NOT_FOUND = [
  "Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
  'Response: 401 body="Access Token in the request, identified by HEADER access_token, is invalid."',
];

function partnerCall(partner: number, call: number, second: number): string[] {
  const number = String(partner).padStart(2, "0");
  const said = call % 3 !== 0 ? ['Response: 200 body="{}"'] : call === 0 ? [MISSING] : call <= 6 ? NO_ACCESS : NOT_FOUND;
  const time = new Date(Date.UTC(2026, 10, 23, 10, 0, second)).toISOString();
  return [`Request: GET /cards/v1/limits api="Cards ${number}" app="${partnerName(partner)}"`, ...said].map((text) => `${time} INFO [callId=partner-${number}-${call}] ${text}`);
}

/** One call a second from 2026-11-23T10:00:00Z, partner after partner. */
export const PARTNERS_TRACE = Array.from({ length: PARTNER_COUNT }, (_, partner) => partner)
  .flatMap((partner) => Array.from({ length: partnerCalls(partner) }, (_, call) => [partner, call] as const))
  .flatMap(([partner, call], second) => partnerCall(partner, call, second))
  .join("\n");
