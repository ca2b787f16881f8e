import { z } from "zod";
import { CAUSE_ORDER, CAUSES, CREDENTIAL_ELEMENTS, CREDENTIAL_LOCATIONS, INTERCEPTORS, interceptorSpelled } from "../rules";
import { decodeCursor, parseSort } from "./cursor";
import { CALL_COLUMNS, FACET_TITLES, MISSING, NO_RESPONSE, type ColumnId } from "./fields";
import { copiedFromLine, parseRecordTimestamp } from "../trace-reading";
import { comparableText, inStorableYears } from "./stored-text";
import { RESPONSE_BODY_KEY_LENGTH } from "./response-body-key";
import { parseLeniently, parseUrlParameters, type IgnoredParameter, type UrlParameters } from "./url-parameters";

const SORT_VALUES = CALL_COLUMNS.flatMap(({ sortBy }) => [sortBy, `-${sortBy}`]) as [string, ...string[]];
const COLUMN_IDS = CALL_COLUMNS.map(({ id }) => id) as [ColumnId, ...ColumnId[]];

export const RELATIVE_RANGES = { "15m": 15 * 60_000, "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export type RelativeRange = keyof typeof RELATIVE_RANGES;

/** The times a relative range stands for when read at `now`: from `now` less the range, to `now`. */
export function rangeTimes(range: RelativeRange, now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - RELATIVE_RANGES[range]), to: now };
}

/** The earliest time a view asks for: its `from`, or where its relative range starts at `now`; none without either. */
export function viewStart(filters: Pick<SharedFilters, "from" | "range">, now: Date): Date | undefined {
  return filters.from ?? (filters.range ? rangeTimes(filters.range, now).from : undefined);
}

const text = comparableText.trim().min(1).max(500);
const many = <T extends z.ZodType>(item: T) => z.array(item).optional();
/**
 * A time as the traces write it (spec 2.1: `T` or a space, a fraction after
 * `.` or `,`, in the brackets a line puts round it), or epoch milliseconds,
 * so that a time copied from a trace line works in a link as in Custom….
 * No zone means UTC, as in the traces (and so a shared link means the same
 * on any server).
 */
const isoTime = z
  .string()
  .transform((value, context) => {
    const millis = parseRecordTimestamp(copiedFromLine(value));
    return millis === null ? (context.addIssue({ code: "custom", input: value }), z.NEVER) : new Date(millis);
  })
  .refine(inStorableYears);
const credentialFingerprint = z.string().regex(/^[0-9a-f]{8,128}$/);

/**
 * The filters a view of gateway events (lib/explorer/event-filters.ts) takes
 * as the calls' view does, so that a link carries a window, its uploads and a
 * search from one to the other: a time window (`from` and `to`, or a relative
 * `range`), uploads, and a search text.
 */
export const sharedFilterFields = {
  upload: many(z.uuid()),
  from: isoTime.optional(),
  to: isoTime.optional(),
  range: z.enum(Object.keys(RELATIVE_RANGES) as [RelativeRange, ...RelativeRange[]]).optional(),
  q: comparableText.trim().min(1).max(200).optional(),
};
export type SharedFilters = z.output<z.ZodObject<typeof sharedFilterFields>>;
export const SHARED_FILTER_PARAMETERS: ReadonlySet<string> = new Set(Object.keys(sharedFilterFields));

const ISO_TIME = "a date or time (use 2026-11-20, 2026-11-20T14:00 or a time copied from a trace line, read as UTC unless a zone such as Z or -03:00 ends it)";

/** What each shared parameter takes, in the words that tell someone why their value was refused. */
export const SHARED_FILTERS_EXPECTED = {
  upload: "an upload id (such as 7f3c9a1e-2b4d-4c8e-9f10-5a6b7c8d9e0f)",
  from: ISO_TIME,
  to: ISO_TIME,
  range: `a time range; known: ${Object.keys(RELATIVE_RANGES).join(", ")}`,
  q: "a search text of 1 to 200 characters",
} satisfies Record<keyof SharedFilters, string>;

/** Refuses a time window whose parameters contradict each other (it would be empty, or silently narrowed), naming the one to drop. */
export function refuseContradictingTimes({ from, to, range }: Pick<SharedFilters, "from" | "to" | "range">, context: z.RefinementCtx): void {
  if (range !== undefined && (from !== undefined || to !== undefined)) {
    context.addIssue({ code: "custom", path: ["range"], input: range, params: { expected: 'a time range given with "from" or "to"; use one or the other' } });
  } else if (from !== undefined && to !== undefined && from >= to) {
    context.addIssue({ code: "custom", path: ["to"], input: to, params: { expected: 'a time after "from"' } });
  }
}

/** The facet fields and the values each takes; each can also be filtered out: `not_<field>=value`. */
const FACET_VALUES = {
  cause: z.enum(CAUSE_ORDER),
  status: z.union([z.literal(NO_RESPONSE.value), z.coerce.number().int().min(100).max(599)]),
  element: z.enum(CREDENTIAL_ELEMENTS),
  location: z.enum(CREDENTIAL_LOCATIONS),
  name: text,
  api: text,
  app: text,
  agent: text,
  method: z.string().regex(/^[A-Za-z]{1,16}$/).transform((value) => value.toUpperCase()),
  // A closed list (spec 4.1): a name outside it is refused rather than answered with an empty view.
  interceptor: z.string().trim().transform((value) => interceptorSpelled(value) ?? value).pipe(z.enum(INTERCEPTORS)),
} satisfies Record<keyof typeof FACET_TITLES, z.ZodType>;
export type FacetField = keyof typeof FACET_VALUES;
export const FACET_FIELDS = Object.keys(FACET_VALUES) as [FacetField, ...FacetField[]];

type FacetFilters = { [F in FacetField]: z.ZodOptional<z.ZodArray<(typeof FACET_VALUES)[F]>> };
type ExcludedFacetFilters = { [F in FacetField as `not_${F}`]: FacetFilters[F] };
const facetFilters = Object.fromEntries(
  FACET_FIELDS.flatMap((field) => [
    [field, many(FACET_VALUES[field])],
    [`not_${field}`, many(FACET_VALUES[field])],
  ]),
) as FacetFilters & ExcludedFacetFilters;

/** `missing=<field>`: calls without a value in the field; `not_missing=<field>` leaves them out. */
const missingFilters = { [MISSING]: many(z.enum(FACET_FIELDS)), [`not_${MISSING}`]: many(z.enum(FACET_FIELDS)) } as const;

/**
 * The explorer's URL contract, shared by the page (`/?cause=...`), the API
 * (`GET /api/calls?cause=...`) and the export. A repeated parameter means any
 * of its values. Anything unknown is an error naming it, never an empty page.
 */
const callFiltersSchema = z
  .object({
    rejected: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
    ...facetFilters,
    ...missingFilters,
    ...sharedFilterFields,
    /** Calls that carried a credential with this fingerprint (the call page links here). */
    fingerprint: many(credentialFingerprint),
    /** Rejections of a credential with this fingerprint: the one the gateway refused (the failing-credentials chart links here). */
    refused: many(credentialFingerprint),
    /**
     * Calls whose response body reads so, as the unexplained-401 chart groups
     * bodies (lib/explorer/unexplained-bodies.ts): its row links here, an
     * exact filter where a search would also find the text in trace lines.
     */
    // Twice the characters in UTF-16 units: a character outside the BMP (an emoji) is two.
    body: many(comparableText.trim().min(1).max(2 * RESPONSE_BODY_KEY_LENGTH)),
    sort: z.enum(SORT_VALUES).default("-time"),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(50),
    columns: many(z.enum(COLUMN_IDS)),
  })
  .strict()
  // Parameters that contradict each other would give an empty or silently narrowed view: refused, naming the one to drop.
  .superRefine((filters, context) => {
    // A value both kept and left out leaves nothing: say so rather than answer an empty view.
    for (const field of [...FACET_FIELDS, MISSING] as const) {
      const kept = new Set((filters[field] as ReadonlyArray<string | number> | undefined)?.map(String));
      const excluded = (filters[`not_${field}`] as ReadonlyArray<string | number> | undefined)?.map(String) ?? [];
      const index = excluded.findIndex((value) => kept.has(value));
      if (index >= 0) {
        context.addIssue({ code: "custom", path: [`not_${field}`, index], input: excluded[index], params: { expected: `to be left out while "${field}" keeps it: a value is kept or left out, not both` } });
      }
    }
    refuseContradictingTimes(filters, context);
  })
  // A cursor names a row by its value in the sort column, so whether it fits depends on the sort.
  .transform(({ cursor, ...filters }, context) => {
    const decoded = cursor === undefined ? undefined : decodeCursor(cursor, parseSort(filters.sort).field);
    if (decoded === null) {
      context.addIssue({ code: "custom", path: ["cursor"], input: cursor });
      return z.NEVER;
    }
    return { ...filters, ...noResponseAsMissing(filters), cursor: decoded };
  });

/**
 * `status=none` is `missing=status` (and `not_status=none` is
 * `not_missing=status`): one filter, so that the SQL and a facet's leaving
 * out its own filter know one form of it.
 */
function noResponseAsMissing(filters: {
  status?: Array<number | typeof NO_RESPONSE.value>;
  not_status?: Array<number | typeof NO_RESPONSE.value>;
  missing?: FacetField[];
  not_missing?: FacetField[];
}) {
  const split = (statuses: Array<number | typeof NO_RESPONSE.value> | undefined, missing: FacetField[] | undefined) => {
    const numbers = statuses?.filter((status) => status !== NO_RESPONSE.value) ?? [];
    const fields = new Set(missing);
    if (numbers.length < (statuses?.length ?? 0)) fields.add("status");
    return [numbers.length > 0 ? numbers : undefined, fields.size > 0 ? [...fields] : undefined] as const;
  };
  const [status, missing] = split(filters.status, filters.missing);
  const [not_status, not_missing] = split(filters.not_status, filters.not_missing);
  return { status, not_status, missing, not_missing };
}

export type CallFilters = z.infer<typeof callFiltersSchema>;

const known = (values: readonly string[]) => `known: ${values.join(", ")}`;
const FACET_TEXT = "a text of 1 to 500 characters";
const FINGERPRINT = "a credential fingerprint (8 to 128 hexadecimal digits)";

/** What each parameter takes, in the words that tell someone why their value was refused. */
const EXPECTED = {
  rejected: "true or false",
  cause: `a known cause; ${known(CAUSE_ORDER.map((cause) => `${cause} (${CAUSES[cause].title})`))}`,
  status: `an HTTP status from 100 to 599, or "${NO_RESPONSE.value}"`,
  element: `a credential element; ${known(CREDENTIAL_ELEMENTS)}`,
  location: `a credential location; ${known(CREDENTIAL_LOCATIONS)}`,
  name: FACET_TEXT,
  api: FACET_TEXT,
  app: FACET_TEXT,
  agent: FACET_TEXT,
  method: "an HTTP method (letters only, such as GET)",
  interceptor: `a token-validation interceptor, in any case; ${known(INTERCEPTORS)}`,
  missing: `a facet field; ${known(FACET_FIELDS.map((field) => `${field} (${FACET_TITLES[field]})`))}`,
  ...SHARED_FILTERS_EXPECTED,
  fingerprint: FINGERPRINT,
  refused: FINGERPRINT,
  body: `a response body's first ${RESPONSE_BODY_KEY_LENGTH} characters, blanks around left out (as the unexplained 401s chart lists them)`,
  sort: `a sort; ${known(SORT_VALUES)}`,
  cursor: 'a page cursor for this sort (from "Next page" or "Previous page", or nextCursor or prevCursor in the answer)',
  limit: "a whole number from 1 to 1000",
  columns: `a column; ${known(COLUMN_IDS)}`,
} satisfies Record<Exclude<keyof z.input<typeof callFiltersSchema>, `not_${string}`>, string>;

const REPEATABLE = new Set<string>([
  ...FACET_FIELDS,
  ...FACET_FIELDS.map((field) => `not_${field}`),
  MISSING,
  `not_${MISSING}`,
  "upload",
  "fingerprint",
  "refused",
  "body",
  "columns",
]);

/** Parses URL parameters into filters, or throws InvalidFilterError naming the first bad one. */
export function parseCallFilters(params: UrlParameters): CallFilters {
  return parseUrlParameters(callFiltersSchema, params, {
    repeatable: REPEATABLE,
    expected: (parameter) => EXPECTED[parameter.replace(/^not_/, "") as keyof typeof EXPECTED],
  });
}

/**
 * For pages: the view a URL asks for, minus the values that are wrong, each
 * reported, so a bad link still shows calls and says what it ignored;
 * `applied` is the URL's parameters less those.
 */
export function parseCallFiltersLeniently(
  params: Record<string, string | string[] | undefined>,
): { filters: CallFilters; ignored: IgnoredParameter[]; applied: URLSearchParams } {
  const { parsed, ignored, applied } = parseLeniently(parseCallFilters, params);
  return { filters: parsed, ignored, applied };
}
