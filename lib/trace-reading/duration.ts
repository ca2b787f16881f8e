const MAX_INT4 = 2 ** 31 - 1;

/**
 * A logged duration as the whole milliseconds the database keeps: `3.5` is
 * rounded, and a value that cannot be a duration (negative, or beyond what
 * the column holds) is treated as not logged rather than failing the upload.
 */
export function durationMillis(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const rounded = Math.round(value);
  return rounded >= 0 && rounded <= MAX_INT4 ? rounded : null;
}
