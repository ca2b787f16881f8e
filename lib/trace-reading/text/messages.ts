import { carriesNoCredential } from "../../credentials";
import type { CredentialLocation } from "../../rules";
import { noRequestFacts, type RequestFacts, type ResponseFacts } from "../events";
import { durationMillis } from "../duration";
import { readKeyValues, readQuoted } from "../quoted";

const REQUEST = /^request[ \t]*:[ \t]*(\S+)(?:[ \t]+([^ \t]+))?(.*)$/i;
const CARRIED = /^request[ \t]+(header|query|cookie)[ \t]+([^:\s]+)[ \t]*:[ \t]*(.*)$/i;
const RESPONSE = /^response[ \t]*:[ \t]*(\d{3})(?![\d])[ \t]*(.*)$/i;
const BODY_KEY = /^body[ \t]*=[ \t]*/i;

/** Only messages starting with RE can be a request or a response: most lines (`Running…`, `Routing…` among them) skip the patterns. */
export const mayBeRequestOrResponse = (message: string) => (message.charCodeAt(0) | 0x20) === 0x72 && (message.charCodeAt(1) | 0x20) === 0x65;

export const isRequestLine = (message: string) => REQUEST.test(message);

export function readRequestLine(message: string): RequestFacts | null {
  const m = REQUEST.exec(message);
  if (m === null) return null;
  const keys = readKeyValues(m[3] ?? "");
  return {
    method: m[1] ?? null,
    uri: m[2] ?? null,
    api: keys.get("api") ?? null,
    resource: keys.get("resource") ?? null,
    app: keys.get("app") ?? null,
    clientIp: keys.get("ip") ?? null,
    userAgent: null,
  };
}

/** `Request header User-Agent: VALUE`: no credential (plain-names.ts), but the client's own account of itself. */
export function readUserAgentLine(message: string): RequestFacts | null {
  const line = readValueLine(message);
  if (line?.location !== "header" || line.name.toLowerCase() !== "user-agent") return null;
  const userAgent = line.raw.trim();
  return userAgent === "" ? null : { ...noRequestFacts(), userAgent };
}

export type CarriedLine = {
  location: CredentialLocation;
  name: string;
  raw: string;
  quoted: boolean;
  /** Where the value (quotes included) starts and ends within the message. */
  start: number;
  end: number;
};

/**
 * `Request header NAME: VALUE`, unless no credential is ever sent under NAME
 * (`User-Agent`): that line is read as any other.
 */
export function readCarriedLine(message: string): CarriedLine | null {
  const line = readValueLine(message);
  return line === null || carriesNoCredential(line.location, line.name) ? null : line;
}

/**
 * `Request header|query|cookie NAME: VALUE`, whatever NAME. A quoted value
 * keeps its exact characters; a bare one is taken without surrounding
 * blanks, which a log cannot show apart from the separator anyway.
 */
function readValueLine(message: string): CarriedLine | null {
  const m = CARRIED.exec(message);
  if (m === null) return null;
  const location = (m[1] ?? "").toLowerCase() as CredentialLocation;
  const name = m[2] ?? "";
  const rest = m[3] ?? "";
  const start = message.length - rest.length;
  const quoted = readQuoted(rest);
  if (quoted !== null) return { location, name, raw: quoted.value, quoted: true, start, end: start + quoted.length };
  const bare = rest.trimEnd();
  return { location, name, raw: bare, quoted: false, start, end: start + bare.length };
}

/** The status of a `Response:` line (what readResponseLine would say), or undefined for any other line. */
export function readResponseStatus(message: string): number | undefined {
  const m = RESPONSE.exec(message);
  return m === null ? undefined : Number(m[1]);
}

/** `Response: STATUS body="..." [duration_ms=N]`, or `Response: STATUS REST` with REST the body. */
export function readResponseLine(message: string): ResponseFacts | null {
  const m = RESPONSE.exec(message);
  if (m === null) return null;
  const status = Number(m[1]);
  const rest = m[2] ?? "";
  const bodyKey = BODY_KEY.exec(rest);
  const quoted = bodyKey === null ? null : readQuoted(rest.slice(bodyKey[0].length));
  if (bodyKey === null || quoted === null) return { status, body: rest === "" ? null : rest, durationMs: null };
  const after = readKeyValues(rest.slice(bodyKey[0].length + quoted.length));
  const duration = after.get("duration_ms");
  return { status, body: quoted.value, durationMs: duration ? durationMillis(Number(duration)) : null };
}
