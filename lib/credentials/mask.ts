import { createHmac } from "node:crypto";
import { SCHEME_AND_TOKEN } from "./authorization-schemes";

/** All that may leave the reader about a credential value: never the value itself. */
export type MaskedCredential = {
  /** HMAC-SHA256 (hex) of the value with surrounding whitespace trimmed. */
  fingerprint: string;
  /** e.g. `2Yot…pAA`; short values show less, the shortest nothing but `…`; `Bearer 2Yot…pAA` for an Authorization scheme and its token. */
  preview: string;
  /** Of the exact value, whitespace included. */
  length: number;
  /** A space or tab before the value (line breaks are `lineBreak`'s). */
  leadingWhitespace: boolean;
  /** A space or tab after it. */
  trailingWhitespace: boolean;
  /** A line break anywhere in it. */
  lineBreak: boolean;
};

export function maskCredential(raw: string, key: Buffer): MaskedCredential {
  const trimmed = raw.trim();
  return {
    // Trimmed so that a token sent once with a stray line break groups with
    // its clean sends: same secret, different (malformed) packaging.
    fingerprint: fingerprintOf(trimmed, key),
    preview: previewOf(trimmed),
    length: raw.length,
    leadingWhitespace: LEADING_WHITESPACE.test(raw),
    trailingWhitespace: TRAILING_WHITESPACE.test(raw),
    lineBreak: LINE_BREAK.test(raw),
  };
}

/** The keyed hash (HMAC-SHA256, hex) that stands for `value` wherever values are compared or grouped. */
export function fingerprintOf(value: string, key: Buffer): string {
  return createHmac("sha256", key).update(value, "utf8").digest("hex");
}

// A space or tab (any blank but a line break) in the whitespace around the
// value; a line break is a flag of its own, so that `x\n` is not shown as
// sent with a space it never had.
const LEADING_WHITESPACE = /^\s*[^\S\r\n]/;
const TRAILING_WHITESPACE = /[^\S\r\n]\s*$/;
const LINE_BREAK = /[\r\n]/;

/** Whether masking `raw` would set a whitespace flag, without the cost of masking it. */
export function carriesWhitespace(raw: string): boolean {
  return LEADING_WHITESPACE.test(raw) || TRAILING_WHITESPACE.test(raw) || LINE_BREAK.test(raw);
}

export function hasWhitespaceFlag(masked: MaskedCredential): boolean {
  return masked.leadingWhitespace || masked.trailingWhitespace || masked.lineBreak;
}

/** The scheme of an Authorization value is no secret, and every preview of a bearer token would otherwise read `Bear…`. */
function previewOf(value: string): string {
  const scheme = SCHEME_AND_TOKEN.exec(value);
  return scheme ? `${scheme[1]} ${previewOfSecret(scheme[2] ?? "")}` : previewOfSecret(value);
}

/**
 * What a preview shows of a secret: enough to tell two apart at a glance,
 * never much of it. A third of a short one would all but give it away,
 * so a value under 12 characters shows one at each end (`k…c`), one under 8 none.
 */
function previewOfSecret(value: string): string {
  const chars = Array.from(value);
  const [head, tail] = chars.length >= 16 ? [4, 3] : chars.length >= 12 ? [2, 2] : chars.length >= 8 ? [1, 1] : [0, 0];
  const shown = chars.slice(0, head).join("") + "…" + chars.slice(chars.length - tail).join("");
  return escapeControl(tail === 0 ? "…" : shown);
}

/** A preview is printed inside lines of text: a control character must not break them. */
function escapeControl(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

/**
 * How a masked value is shown where the raw one stood. A quoted value keeps its
 * surrounding whitespace visible (JSON-escaped), because that whitespace is
 * often the very reason the call was rejected.
 */
export function displayMasked(raw: string, masked: MaskedCredential, quoted: boolean): string {
  if (!quoted) return masked.preview;
  const { leading, trailing } = whitespaceAround(raw);
  return `"${escapeWhitespace(leading)}${masked.preview}${escapeWhitespace(trailing)}"`;
}

/** How a masked value stands in a JSON record in place of the raw one: its whitespace kept as it was (JSON escapes it). */
export function maskedInPlace(raw: string, masked: MaskedCredential): string {
  const { leading, trailing } = whitespaceAround(raw);
  return `${leading}${masked.preview}${trailing}`;
}

function whitespaceAround(raw: string): { leading: string; trailing: string } {
  const leading = /^\s*/.exec(raw)?.[0] ?? "";
  return { leading, trailing: raw.length > leading.length ? (/\s*$/.exec(raw)?.[0] ?? "") : "" };
}

function escapeWhitespace(text: string): string {
  return text === "" ? "" : JSON.stringify(text).slice(1, -1);
}
