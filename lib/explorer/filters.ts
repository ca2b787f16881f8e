import { z } from "zod";
import { CAUSE_ORDER, CREDENTIAL_ELEMENTS } from "../rules";
import { CREDENTIAL_LOCATIONS } from "../trace-reading";
import { decodeCursor, parseSort } from "./cursor";
import { CALL_COLUMNS, FACET_TITLES, type ColumnId } from "./fields";

const SORT_VALUES = CALL_COLUMNS.flatMap(({ sortBy }) => [sortBy, `-${sortBy}`]) as [string, ...string[]];
const COLUMN_IDS = CALL_COLUMNS.map(({ id }) => id) as [ColumnId, ...ColumnId[]];

export const RELATIVE_RANGES = { "15m": 15 * 60_000, "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 } as const;
export type RelativeRange = keyof typeof RELATIVE_RANGES;

const text = z.string().trim().min(1).max(500);
const many = <T extends z.ZodType>(item: T) => z.array(item).optional();
// A time with no zone means UTC, as in the traces (and so a shared link means the same on any server).
const asUtc = (value: string) => new Date(/(?:z|[+-]\d\d(?::?\d\d)?)$/i.test(value) ? value : `${value}Z`);
const isoTime = z.iso.datetime({ offset: true, local: true }).transform(asUtc).or(z.iso.date().transform((value) => new Date(value)));
const credentialFingerprint = z.string().regex(/^[0-9a-f]{8,128}$/, "a credential fingerprint");

/** The facet fields and the values each takes; each can also be filtered out: `not_<field>=value`. */
const FACET_VALUES = {
  cause: z.enum(CAUSE_ORDER),
  status: z.union([z.literal("none"), z.coerce.number().int().min(100).max(599)]),
  element: z.enum(CREDENTIAL_ELEMENTS),
  location: z.enum(CREDENTIAL_LOCATIONS),
  name: text,
  api: text,
  app: text,
  method: z.string().regex(/^[A-Za-z]{1,16}$/, "an HTTP method").transform((value) => value.toUpperCase()),
  interceptor: text,
} satisfies Record<keyof typeof FACET_TITLES, z.ZodType>;
export type Excludable = keyof typeof FACET_VALUES;
export const EXCLUDABLE = Object.keys(FACET_VALUES) as Excludable[];

type FacetFilters = { [F in Excludable]: z.ZodOptional<z.ZodArray<(typeof FACET_VALUES)[F]>> };
type ExcludedFacetFilters = { [F in Excludable as `not_${F}`]: FacetFilters[F] };
const facetFilters = Object.fromEntries(
  EXCLUDABLE.flatMap((field) => [
    [field, many(FACET_VALUES[field])],
    [`not_${field}`, many(FACET_VALUES[field])],
  ]),
) as FacetFilters & ExcludedFacetFilters;

/**
 * The explorer's URL contract, shared by the page (`/?cause=...`), the API
 * (`GET /api/calls?cause=...`) and the export. A repeated parameter means any
 * of its values. Anything unknown is an error naming it, never an empty page.
 */
const callFiltersSchema = z
  .object({
    rejected: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
    ...facetFilters,
    upload: many(z.uuid()),
    /** Calls that carried a credential with this fingerprint (the call page links here). */
    fingerprint: many(credentialFingerprint),
    /** Rejections of a credential with this fingerprint: the one the gateway refused (the failing-credentials chart links here). */
    refused: many(credentialFingerprint),
    from: isoTime.optional(),
    to: isoTime.optional(),
    range: z.enum(Object.keys(RELATIVE_RANGES) as [RelativeRange, ...RelativeRange[]]).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    sort: z.enum(SORT_VALUES).default("-time"),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(50),
    columns: many(z.enum(COLUMN_IDS)),
  })
  .strict()
  // A cursor names a row by its value in the sort column, so whether it fits depends on the sort.
  .transform(({ cursor, ...filters }, context) => {
    const decoded = cursor === undefined ? undefined : decodeCursor(cursor, parseSort(filters.sort).field);
    if (decoded === null) {
      context.addIssue({ code: "custom", path: ["cursor"], message: "not a cursor for this sort" });
      return z.NEVER;
    }
    return { ...filters, cursor: decoded };
  });

export type CallFilters = z.infer<typeof callFiltersSchema>;

const REPEATABLE = new Set<string>([
  ...EXCLUDABLE,
  ...EXCLUDABLE.map((field) => `not_${field}`),
  "upload",
  "fingerprint",
  "refused",
  "columns",
]);

export class InvalidFilterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** Parses URL parameters into filters, or throws InvalidFilterError naming the first bad one. */
export function parseCallFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): CallFilters {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of entries(params)) {
    if (REPEATABLE.has(key)) raw[key] = [...((raw[key] as string[] | undefined) ?? []), value];
    else if (key in raw) throw new InvalidFilterError(key, `parameter "${key}" may be given only once`);
    else raw[key] = value;
  }
  const parsed = callFiltersSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "?";
    throw new InvalidFilterError(key, `unknown parameter "${key}"`);
  }
  const parameter = String(issue?.path[0] ?? "?");
  const given = raw[parameter];
  const value = Array.isArray(given) ? given[Number(issue?.path[1] ?? 0)] : given;
  throw new InvalidFilterError(parameter, `invalid value ${JSON.stringify(value)} for "${parameter}": ${issue?.message ?? "not allowed"}`);
}

function* entries(params: URLSearchParams | Record<string, string | string[] | undefined>): Generator<[string, string]> {
  if (params instanceof URLSearchParams) {
    yield* params.entries();
    return;
  }
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) yield [key, item];
  }
}

/**
 * For pages: the view a URL asks for, minus the parameters that are wrong,
 * each reported, so a bad link still shows calls and says what it ignored.
 */
export function parseCallFiltersLeniently(
  params: Record<string, string | string[] | undefined>,
): { filters: CallFilters; problems: string[] } {
  const remaining = { ...params };
  const problems: string[] = [];
  for (;;) {
    try {
      return { filters: parseCallFilters(remaining), problems };
    } catch (error) {
      if (!(error instanceof InvalidFilterError) || !(error.parameter in remaining)) throw error;
      problems.push(`${error.message}; it was ignored`);
      delete remaining[error.parameter];
    }
  }
}
