import type { CredentialLocation } from "../rules";

/**
 * Request headers that no gateway takes a credential in: what a client sends
 * about itself and its request (its version, the body's type, the hops it
 * came through, trace ids). Spec 5 asks that the values a rule names and any
 * Authorization header be masked; a trace cannot tell which header a rule
 * will name later, so every other header is masked and tracked as a
 * credential, except these, which are often the answer to "who sends the bad
 * token" (`User-Agent: okhttp/4.12.0`) and are shown as written. Referer and
 * Cookie are not here: a referring URL can hold an OAuth code, a cookie a session.
 */
const PLAIN_HEADERS: ReadonlySet<string> = new Set([
  "accept",
  "accept-charset",
  "accept-encoding",
  "accept-language",
  "cache-control",
  "connection",
  "content-encoding",
  "content-language",
  "content-length",
  "content-type",
  "date",
  "dnt",
  "expect",
  "forwarded",
  "host",
  "if-match",
  "if-modified-since",
  "if-none-match",
  "if-unmodified-since",
  "keep-alive",
  "origin",
  "pragma",
  "traceparent",
  "tracestate",
  "transfer-encoding",
  "user-agent",
  "via",
  "x-amzn-trace-id",
  "x-b3-sampled",
  "x-b3-spanid",
  "x-b3-traceid",
  "x-correlation-id",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-port",
  "x-forwarded-proto",
  "x-real-ip",
  "x-request-id",
]);

/** Query parameters that page, sort and shape a listing (`?page=2&sort=asc`): shown as written, for the same reason. */
const PLAIN_QUERY_PARAMETERS: ReadonlySet<string> = new Set(["fields", "limit", "offset", "order", "order_by", "orderby", "page", "page_size", "pagesize", "per_page", "size", "sort"]);

const PLAIN: Partial<Record<CredentialLocation, ReadonlySet<string>>> = { header: PLAIN_HEADERS, query: PLAIN_QUERY_PARAMETERS };

/** Whether a value sent under this name is never a credential, so that it is shown as written and not tracked as one. Names match in any case. */
export const carriesNoCredential = (location: CredentialLocation, name: string): boolean => PLAIN[location]?.has(name.toLowerCase()) ?? false;
