import { millisAt, SECOND_PREFIX_LENGTH, SecondCache, zoneOffsetMs } from "../timestamps";
import { TEXT_LINE } from "./line-pattern";

/**
 * The start of a text trace line: when, how loud, which call, and its message.
 * The reader hands out one object, filled anew for each line: read it before
 * the next line, do not keep it.
 */
export type LineHeader = {
  time: number;
  level: string | null;
  /** Undefined for a gateway event, a timestamped line that names no call. */
  callRef: string | undefined;
  message: string;
};

const LEVELS = ["DEBUG", "INFO", "WARN", "WARNING", "ERROR", "TRACE", "FATAL"] as const;
const REFERENCE_KEYS = ["callId=", "traceId=", "requestId=", "call="] as const;
const UUID_LENGTH = 36;

const SPACE = 0x20;
const TAB = 0x09;
const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const DASH = 0x2d;

const isBlank = (code: number) => code === SPACE || code === TAB;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * Reads the header of a text trace line (spec 2.1), or returns null when the
 * line does not start with a timestamp (it continues the previous event).
 *
 * TEXT_LINE is the definition. Lines in the form gateways write almost always
 * (`2026-11-20T14:03:11.482Z DEBUG [callId=…] …`) are read by hand first, since
 * this runs once per line and the pattern alone costs more than all other work
 * on most lines; anything the hand-written path is not sure of goes to the
 * pattern. A property test holds the two to the same answers.
 */
export class LineHeaderReader {
  private readonly seconds = new SecondCache();
  private readonly header: LineHeader = { time: 0, level: null, callRef: undefined, message: "" };


  read(text: string): LineHeader | null {
    return this.readCommonForm(text) ?? this.readAnyForm(text);
  }

  private readAnyForm(text: string): LineHeader | null {
    const m = TEXT_LINE.exec(text);
    if (m === null) return null;
    const header = this.header;
    header.time = this.seconds.epoch(m[1] ?? "", m[2] ?? "", m[3], m[4]);
    header.level = m[5] === undefined ? null : m[5].toUpperCase();
    header.callRef = m[6] ?? m[7];
    header.message = m[8] ?? "";
    return header;
  }

  /** `YYYY-MM-DD[T ]HH:MM:SS[.fff][zone] [LEVEL] REFERENCE [- ]MESSAGE`, the time maybe in brackets, or null to let the pattern decide. */
  private readCommonForm(text: string): LineHeader | null {
    const from = text.charCodeAt(0) === OPEN ? 1 : 0;
    if (!isTimestampPrefix(text, from)) return null;
    let at = from + SECOND_PREFIX_LENGTH;
    let millis = 0;
    if (text.charCodeAt(at) === 0x2e || text.charCodeAt(at) === 0x2c) {
      const digits = countDigits(text, at + 1);
      if (digits < 1 || digits > 9) return null;
      millis = millisAt(text, at + 1, digits);
      at += 1 + digits;
    }
    const zoneEnd = zoneLength(text, at);
    if (zoneEnd < 0) return null;
    const offset = zoneEnd <= 1 ? 0 : zoneOffsetMs(text.slice(at, at + zoneEnd));
    at += zoneEnd;
    if (text.charCodeAt(at) === CLOSE) at++;
    if (!isBlank(text.charCodeAt(at))) return null;
    at = skipBlanks(text, at);
    const level = levelAt(text, at);
    if (level !== null) at = skipBlanks(text, at + level.length);
    const reference = referenceAt(text, at);
    if (reference === null) return null;
    const header = this.header;
    header.time = this.seconds.utcSecondAt(text, from) + millis - offset;
    header.level = level;
    header.callRef = text.slice(reference.start, reference.end);
    header.message = text.slice(messageStart(text, reference.next));
    return header;
  }
}

/** `YYYY-MM-DDTHH:MM:SS` or with a space for the `T`, at `from`. */
function isTimestampPrefix(text: string, from: number): boolean {
  if (text.length <= from + SECOND_PREFIX_LENGTH) return false;
  TIMESTAMP_PREFIX.lastIndex = from;
  return TIMESTAMP_PREFIX.test(text);
}
/** `YYYY-MM-DD[T ]HH:MM:SS` from `lastIndex` on, checked natively as REFERENCE_CHARS is. */
const TIMESTAMP_PREFIX = /\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d/y;

function countDigits(text: string, from: number): number {
  let at = from;
  while (isDigit(text.charCodeAt(at))) at++;
  return at - from;
}

/** Length of the zone at `at`: 0 for none, -1 for a shape the pattern should judge. */
function zoneLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === 0x5a || code === 0x7a) return 1;
  if (code !== 0x2b && code !== DASH) return 0;
  const zone = /^[+-]\d\d(?::?\d\d)?(?=[ \t])/.exec(text.slice(at, at + 7));
  return zone === null ? -1 : zone[0].length;
}

function skipBlanks(text: string, from: number): number {
  let at = from;
  while (isBlank(text.charCodeAt(at))) at++;
  return at;
}

function levelAt(text: string, at: number): string | null {
  LEVEL.lastIndex = at;
  if (!LEVEL.test(text)) return null;
  // Told apart by length and first letter, without cutting the match from the line.
  const length = LEVEL.lastIndex - at;
  const first = text.charCodeAt(at);
  for (const level of LEVELS) if (level.length === length && level.charCodeAt(0) === first) return level;
  return null;
}
/** A level followed by a blank, from `lastIndex` on, checked natively as REFERENCE_CHARS is (longest first: WARNING, then WARN). */
const LEVEL = new RegExp(`(?:${[...LEVELS].sort((a, b) => b.length - a.length).join("|")})(?=[ \t])`, "y");

type Reference = { start: number; end: number; next: number };

/** `[callId=ID]`, `callId=ID` (and the other keys) or `[UUID]`, followed by a blank. */
function referenceAt(text: string, at: number): Reference | null {
  const bracketed = text.charCodeAt(at) === OPEN;
  const keyAt = bracketed ? at + 1 : at;
  const key = referenceKeyAt(text, keyAt);
  if (key === null) return bracketed ? bareUuidAt(text, at) : null;
  const start = keyAt + key.length;
  REFERENCE_CHARS.lastIndex = start;
  REFERENCE_CHARS.test(text);
  const end = REFERENCE_CHARS.lastIndex;
  if (end === start) return null;
  const next = text.charCodeAt(end) === CLOSE ? end + 1 : end;
  return isBlank(text.charCodeAt(next)) ? { start, end, next } : null;
}

/** Printable ASCII but `]`, from `lastIndex` on: a native loop, where one in JavaScript reads each character of a sliced line through its parent. */
const REFERENCE_CHARS = /[!-\\^-~]*/y;

function referenceKeyAt(text: string, at: number): string | null {
  REFERENCE_KEY.lastIndex = at;
  if (!REFERENCE_KEY.test(text)) return null;
  const length = REFERENCE_KEY.lastIndex - at;
  for (const key of REFERENCE_KEYS) if (key.length === length) return key;
  return null;
}
/** Checked natively as REFERENCE_CHARS is; the keys differ in length. */
const REFERENCE_KEY = new RegExp(REFERENCE_KEYS.join("|"), "y");

function bareUuidAt(text: string, at: number): Reference | null {
  const start = at + 1;
  const end = start + UUID_LENGTH;
  if (text.charCodeAt(end) !== CLOSE || !isBlank(text.charCodeAt(end + 1))) return null;
  UUID.lastIndex = start;
  return UUID.test(text) ? { start, end, next: end + 1 } : null;
}
/** A bracketed UUID, from `lastIndex` on, checked natively as REFERENCE_CHARS is (TEXT_LINE too takes its hex digits in any case). */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/iy;

/** After the reference: blanks, then an optional `- ` separator. */
function messageStart(text: string, from: number): number {
  const at = skipBlanks(text, from);
  if (text.charCodeAt(at) === DASH && isBlank(text.charCodeAt(at + 1))) return skipBlanks(text, at + 1);
  return at;
}
