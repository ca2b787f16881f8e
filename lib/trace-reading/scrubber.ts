import { CarriedValues, replaceEach, SHORTEST_HUNTED } from "./carried-values";
import { carriesNoCredential, copyString, createCredentialMasker, SCHEME_AND_TOKEN, SECRET_NAME, TOKEN_SCHEMES, type CredentialMasker, type MaskedCredential } from "../credentials";

/** The scrubber's key for a line or record that names no call: its values are masked in its own text, then forgotten. */
export const NO_CALL = "\u0000line without a call";

/** Calls whose values are remembered: their lines sit close together in a trace. */
const REMEMBERED_CALLS = 2048;
/** A call heard of within this many new calls is not forgotten yet: a slow call's lines keep coming. */
const RECENTLY_HEARD = REMEMBERED_CALLS / 2;

/** Told what the scrubber learns and forgets of calls' values. */
export type CarriedValueListener = {
  /** A value first remembered for a call (what an upload masks afterwards in lines read before). */
  learned?(callRef: string, value: string): void;
  /** A call's values no longer remembered: text of it read from now on is not masked with them. */
  forgot?(callRef: string, values: readonly string[]): void;
};

/** A call's values, and when it was last heard of (counted in calls remembered). */
type Remembered = { callRef: string; values: CarriedValues; heardAt: number };

/**
 * Masks credential values wherever a call's text repeats them (a trace line
 * that echoes the token, a body, an unknown JSON field), not only where they
 * were carried. It remembers the raw values of recent calls only, inside the
 * reader; nothing raw is handed on.
 */
export class CredentialScrubber {
  readonly mask: CredentialMasker;
  private recent = new Map<string, Remembered>();
  /**
   * The calls of `recent` in the order they are to be forgotten; a place
   * whose call was forgotten since is passed over. Taking the oldest key of
   * the map itself costs a walk over every entry deleted before it, for every
   * new call.
   */
  private readonly order: Remembered[] = [];
  private oldest = 0;
  private callsRemembered = 0;
  private learnedBy = new Map<string, string[]>();

  constructor(
    key: Buffer,
    private readonly listener: CarriedValueListener = {},
  ) {
    this.mask = createCredentialMasker(key);
  }

  /**
   * For maskUriQuery: masks a query value and remembers it for the call's
   * other text both decoded and as the URI writes it (`%2B`), since a trace
   * repeats the URI as it came.
   */
  queryValueMasker(callRef: string): (raw: string, written: string) => MaskedCredential {
    return (raw, written) => {
      // `%20%20` is whitespace, not a value to hunt down: masked, it would hide the very blanks that got the call refused.
      if (raw.trim() !== "") this.remember(callRef, written);
      return this.carried(callRef, raw);
    };
  }

  /** Masks `raw` and remembers it for the call's other text. */
  carried(callRef: string, raw: string): MaskedCredential {
    this.remember(callRef, raw);
    return this.mask(raw);
  }

  /** Remembers `raw` for the call's other text, without masking it (a reader that keeps only evidence). */
  remember(callRef: string, raw: string): void {
    const trimmed = raw.trim();
    // The whole value first: where the call repeats it whole, it is masked as one.
    this.rememberValue(callRef, trimmed);
    for (const part of partsEchoedAlone(trimmed)) this.rememberValue(callRef, part);
  }

  private rememberValue(callRef: string, trimmed: string): void {
    if (trimmed.length < SHORTEST_HUNTED) return;
    let known = this.recent.get(callRef);
    if (known !== undefined) {
      known.heardAt = this.callsRemembered;
      if (known.values.has(trimmed)) return;
    }
    // Copies, not slices of the text read, are kept and handed on: a slice keeps the whole chunk it was cut from alive.
    const value = copyString(trimmed);
    if (known === undefined) known = this.rememberCall(callRef, value);
    else known.values.add(value);
    const learned = this.learnedBy.get(callRef);
    if (learned) learned.push(value);
    else this.learnedBy.set(callRef, [value]);
    // A record of no call is masked in its own text and forgotten: nothing read later can be its echo.
    if (callRef !== NO_CALL) this.listener.learned?.(known.callRef, value);
  }

  /** Drops what was remembered under `callRef` (a record of no call, masked on its own). */
  forget(callRef: string): void {
    const known = this.recent.get(callRef);
    if (known === undefined) return;
    this.recent.delete(callRef);
    // Forgotten right after it was remembered, as such records are: it leaves no place behind.
    if (this.order.at(-1) === known) this.order.pop();
  }

  /** The calls that carried values not known before, with those values, since the last time this was asked. */
  takeCallsThatLearned(): Map<string, string[]> {
    const calls = this.learnedBy;
    if (calls.size > 0) this.learnedBy = new Map();
    return calls;
  }

  /** The call wrote a line: its values stay remembered a while longer (see forgetOldestCall). */
  heard(callRef: string): void {
    const known = this.recent.get(callRef);
    if (known !== undefined) known.heardAt = this.callsRemembered;
  }

  /**
   * The call's own reference is left as written wherever the text holds it:
   * it names the call, and evidence quotes its line exactly, while a
   * reference such as `odd/ref?x=1` reads as a query to mask.
   */
  scrub(callRef: string, text: string): string {
    if (!mayReadAsSecret(callRef) || !text.includes(callRef)) return this.scrubAround(callRef, text);
    return text
      .split(callRef)
      .map((part) => this.scrubAround(callRef, part))
      .join(callRef);
  }

  private scrubAround(callRef: string, text: string): string {
    const withoutQuery = text.includes("?") ? this.maskQueriesShown(text) : text;
    const withoutAuthorization = AUTHORIZATION_NAMED.test(withoutQuery) ? this.maskAuthorizationShown(withoutQuery) : withoutQuery;
    const unlabelled = SECRET_NAME.test(withoutAuthorization) ? this.maskSecretPairsShown(withoutAuthorization) : withoutAuthorization;
    const known = this.recent.get(callRef);
    if (known === undefined) return unlabelled;
    known.heardAt = this.callsRemembered;
    return this.maskValues(unlabelled, known.values.foundIn(unlabelled));
  }

  /** Masks each of `raws` (values a call carried) wherever `text` holds it. */
  maskValues(text: string, raws: Iterable<string>): string {
    return replaceEach(text, raws, (raw) => this.mask(raw).preview);
  }

  /**
   * `Authorization: Bearer …` written in a line that is not a carried header
   * (a dump of the request's headers, a stack trace) is still an Authorization
   * header (spec 5): its credentials are masked even when no line carried them.
   */
  private maskAuthorizationShown(text: string): string {
    return text.replace(AUTHORIZATION_SHOWN, (whole, before: string, scheme: string | undefined, token: string | undefined, value = "") => {
      // Already a preview (a line masked again): left as it is.
      if (token !== undefined) return token.includes("…") ? whole : before + scheme + this.mask(token).preview;
      // A quoted value ends at its closing quote; an unquoted one runs to the bracket, brace or end of the line.
      const quote = /["']$/.exec(before)?.[0];
      const end = quote !== undefined && value.includes(quote) ? value.indexOf(quote) : value.length;
      const credentials = value.slice(0, end);
      // Words about the header rather than its value (`Authorization: failed for client 42`) are left as they are.
      if (credentials.includes("…") || PLAIN_WORDS.test(credentials)) return whole;
      return before + this.mask(credentials.trim()).preview + value.slice(end);
    });
  }

  /**
   * The query of a URI written in any line (a redirect's Location, a backend
   * URL, a response body), each value masked but those that only page or
   * sort, as in the request line's URI: tokens travel in query strings, and
   * only the request line's URI is read as one.
   */
  private maskQueriesShown(text: string): string {
    return text.replace(QUERY_SHOWN, (query: string) =>
      query.replace(QUERY_VALUE, (pair, before: string, name: string, value: string) =>
        value.includes("…") || carriesNoCredential("query", name) ? pair : before + this.mask(value).preview,
      ),
    );
  }

  /**
   * `name=value` written in a line, its name one of a secret's (`password=…`,
   * `refresh_token="…"`, an unknown key on a request line): masked as a JSON
   * record's field of that name is. Query strings are maskQueriesShown's.
   */
  private maskSecretPairsShown(text: string): string {
    return text.replace(SECRET_PAIR_SHOWN, (pair, before: string, quoted: string | undefined, bare: string | undefined) => {
      const value = quoted ?? bare ?? "";
      if (value.includes("…") || value === "") return pair;
      const preview = this.mask(value).preview;
      return quoted === undefined ? before + preview : `${before}"${preview}"`;
    });
  }

  private rememberCall(callRef: string, value: string): Remembered {
    if (this.recent.size >= REMEMBERED_CALLS) this.forgetOldestCall();
    const known = { callRef: copyString(callRef), values: new CarriedValues(), heardAt: ++this.callsRemembered };
    known.values.add(value);
    this.recent.set(known.callRef, known);
    this.order.push(known);
    return known;
  }

  /**
   * Forgets the call queued longest ago, unless it was heard of recently: a
   * slow call (a token echoed as the backend answers, after thousands of other
   * calls began) goes back to the end of the queue instead, once a round.
   */
  private forgetOldestCall(): void {
    let spared = this.recent.size;
    while (this.oldest < this.order.length) {
      const known = this.order[this.oldest++]!;
      if (this.recent.get(known.callRef) !== known) continue;
      if (spared-- > 0 && this.callsRemembered - known.heardAt < RECENTLY_HEARD) {
        this.order.push(known);
        continue;
      }
      this.recent.delete(known.callRef);
      this.listener.forgot?.(known.callRef, known.values.values());
      break;
    }
    // Passed places are dropped in bulk, not one shift at a time.
    if (this.oldest >= REMEMBERED_CALLS) {
      this.order.splice(0, this.oldest);
      this.oldest = 0;
    }
  }
}

/** The query of a URI within a line (`?flag&name=value`), up to the first blank, quote or fragment: one holding a value. */
const QUERY_SHOWN = /\?[^\s"'<>#]*=[^\s"'<>#]*/g;
/** Groups: up to the value; the name alone; the value. */
const QUERY_VALUE = /([?&]([^=&]*)=)([^&]+)/g;
const AUTHORIZATION_NAMED = /authorization/i;
/** `name=value` or `name="value"` with a secret's name, not inside a query string (after `?` or `&`). Groups: up to the value; the quoted value; the bare one. */
const SECRET_PAIR_SHOWN = new RegExp(String.raw`((?<![?&\w.-])[\w.-]*(?:${SECRET_NAME.source})[\w.-]*=)(?:"((?:[^"\\]|\\.)*)"|([^\s&"',;]+))`, "gi");
/**
 * An Authorization header written in a line: `Authorization: Bearer X`,
 * `authorization=X`, `"Authorization": "Basic X"`, `Authorization=[Bearer X]`,
 * `"authorization":["Bearer X"]`. Groups: what comes before the value; then a
 * known scheme and its token; or else the whole value, up to its closing
 * quote, a bracket, a brace or the end of the line (`AWS4-HMAC-SHA256
 * Credential=…, Signature=…` and `Digest username="…", response="…"` are
 * credentials throughout).
 */
const AUTHORIZATION_SHOWN = new RegExp(
  String.raw`(authorization["']?[ \t]*[:=][ \t]*\[?[ \t]*["']?)(?:((?:${TOKEN_SCHEMES})[ \t]+)([^\s"'\\,;}\]]+)|([^\]}\r\n]+))`,
  "gi",
);
/** A value made of words and short numbers (`failed for client 42`): a message about the header, not a credential. */
const PLAIN_WORDS = /^[A-Za-z]+(?:[ \t]+[A-Za-z0-9]{1,8})*[ \t]*[.!]?[ \t]*$/;

/** A `name=value` piece of a Cookie header (`a=1; session=…`), the value maybe quoted. */
const COOKIE_PAIR = /^[^=\s;]+=\s*"?([^";]+)"?$/;

/**
 * The parts of a carried value that a trace may repeat on their own: the
 * credentials after an Authorization header's scheme, each cookie of a Cookie
 * header. Masked like the whole value wherever the call repeats them.
 */
function partsEchoedAlone(value: string): string[] {
  const parts: string[] = [];
  // A carried Authorization value with a known scheme: a trace may echo its credentials without it (`Bearer 2YotnFZ…` as `jwt 2YotnFZ…`).
  const token = SCHEME_AND_TOKEN.exec(value)?.[2];
  if (token !== undefined) parts.push(token);
  if (value.includes("=")) {
    for (const piece of value.split(";")) {
      const cookie = COOKIE_PAIR.exec(piece.trim())?.[1]?.trim();
      if (cookie !== undefined && cookie !== value) parts.push(cookie);
    }
  }
  return parts;
}

/** Every string inside a JSON value, scrubbed, names of fields included. */
export function scrubDeep(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === "string") return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, scrub));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [scrub(name), scrubDeep(item, scrub)]));
  }
  return value;
}

/** Whether a call reference could be taken for a query or a `name=value` pair: most (UUIDs) cannot. */
const mayReadAsSecret = (callRef: string) => callRef.includes("=") || callRef.includes("?") || callRef.includes(":");
