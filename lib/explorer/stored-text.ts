import { z } from "zod";

/**
 * Text that can be compared with stored text: PostgreSQL refuses a NUL
 * character in any text value (an error, not a non-match), so one in a
 * parameter must be refused here, as a bad value.
 */
export const comparableText = z.string().regex(/^[^\0]*$/);

/**
 * Whether PostgreSQL can compare a time with stored ones: ISO 8601 admits the
 * year 0000, which PostgreSQL refuses, as it does years past 9999 in this form.
 */
export const inStorableYears = (date: Date) => date.getUTCFullYear() >= 1 && date.getUTCFullYear() <= 9999;

/** A LIKE pattern for text containing `text` as typed: its `%`, `_` and `\\` are themselves, not wildcards. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
