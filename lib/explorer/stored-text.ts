import { z } from "zod";

/**
 * Text that can be compared with stored text: PostgreSQL refuses a NUL
 * character in any text value (an error, not a non-match), so one in a
 * parameter must be refused here, as a bad value.
 */
export const comparableText = z.string().regex(/^[^\0]*$/);
