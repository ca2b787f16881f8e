import { Prisma } from "../database";

/**
 * How much of a response body tells unexplained 401s apart, in characters:
 * the chart's rows and the `body` filter they link to read bodies so, their
 * first 100 characters with blanks around left out (as a URL parameter's
 * value is trimmed).
 */
export const RESPONSE_BODY_KEY_LENGTH = 100;

/** A call's response body as the chart groups it and the `body` filter matches it (over `calls c`). */
export const RESPONSE_BODY_KEY = Prisma.sql`btrim(left(c.response_body, ${RESPONSE_BODY_KEY_LENGTH}), E' \\t\\r\\n\\f\\v')`;
