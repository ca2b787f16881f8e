import type { Database } from "../database";
import { readCredentialSummaries, type CredentialSummary } from "./credential-summaries";
import type { FacetValue } from "./facet-values-answer";
import { readFacets, type Facets } from "./facets";
import type { FixedTimes } from "./explorer-href";
import { parseCallFiltersLeniently, rangeTimes, SHARED_FILTER_PARAMETERS, type CallFilters } from "./filters";
import { readHistogram, type Histogram } from "./histogram";
import { readLatestWindow } from "./latest-window";
import { listCalls, type CallPage } from "./list-calls";
import { anyGatewayEvents } from "./list-events";
import { readOverview, type Overview } from "./overview";
import { searchOnce } from "./search";
import { readTopFailingCredentials, type FailingCredential } from "./top-credentials";
import { readUnexplainedBodies } from "./unexplained-bodies";
import { readUploadNames } from "./upload-names";
import type { IgnoredParameter } from "./url-parameters";

/** How many values each ranked chart shows but the causes' (every cause): five keep the cards above the calls short. */
const TOP_VALUES = 5;

/** The ranked charts above the table, each under every filter of the view (a facet's own included). */
export type RankedCharts = { causes: FacetValue[]; apis: FacetValue[]; apps: FacetValue[]; failingCredentials: FailingCredential[]; unexplainedBodies: FacetValue[] };

/** What values in the URL stand for, for their chips: credentials by fingerprint, uploads by id (names; a removed upload is missing). */
export type ValueNames = { credentials: Record<string, CredentialSummary>; uploads: Record<string, string> };

export type ExplorerView = {
  overview: Overview;
  /** The URL's parameters the view set aside, each with why. */
  ignored: IgnoredParameter[];
  /** The filters applied (the URL's, less what was set aside). */
  filters: CallFilters;
  /** The times the view's relative range stood for as it was read; null without one. */
  rangeTimes: FixedTimes | null;
  /**
   * The same range ending at the latest call the view's other filters match,
   * when the view is empty because that call is older than the range
   * (readLatestWindow). Null otherwise.
   */
  latestWindow: FixedTimes | null;
  /**
   * The gateway events the view's search finds (`/events` under its search,
   * time window and uploads), when it finds no call but some events: a node
   * ("gw-3") or a token store is named in the gateway's own lines. Null
   * otherwise.
   */
  gatewayEventsHref: string | null;
  /** Null before anything was stored: the page shows how to start instead. */
  calls: {
    page: CallPage;
    facets: Facets;
    histogram: Histogram;
    charts: RankedCharts;
    names: ValueNames;
    /** The calls in the view and how many of them were rejected, beside the overview's stored totals. */
    counts: ViewCounts;
    /** The view's filters as a query, for reading a facet's values under them (`/api/facets/{field}`). */
    filterQuery: string;
  } | null;
};

export type ViewCounts = { calls: number; rejections: number };

/** The table's parameters: they choose the rows shown, not which calls a facet counts. */
const TABLE_PARAMETERS = ["sort", "cursor", "limit", "columns"];

/** Everything the explorer page shows for a URL's parameters, read in parallel once its text search has run. */
export async function readExplorerView(db: Database, params: Record<string, string | string[] | undefined>, now = new Date()): Promise<ExplorerView> {
  const { filters, ignored, applied } = parseCallFiltersLeniently(params);
  const times = filters.range ? rangeTimes(filters.range, now) : null;
  const overview = await readOverview(db);
  const shown = { ignored, filters, rangeTimes: times && isoTimes(times) };
  if (overview.calls === 0) return { overview, ...shown, latestWindow: null, gatewayEventsHref: null, calls: null };
  // Once for the whole view: each query below would otherwise search the trace text again.
  const searched = await searchOnce(db, filters);
  const [page, facets, histogram, failingCredentials, unexplainedBodies, names] = await Promise.all([
    listCalls(db, searched, now),
    readFacets(db, searched, now),
    readHistogram(db, searched, now),
    readTopFailingCredentials(db, searched, now, TOP_VALUES),
    readUnexplainedBodies(db, searched, now, TOP_VALUES),
    readValueNames(db, filters),
  ]);
  const ranked = (field: "cause" | "api" | "app") => underOwnFilter(facets[field].values, field, filters);
  const charts = { causes: ranked("cause"), apis: ranked("api").slice(0, TOP_VALUES), apps: ranked("app").slice(0, TOP_VALUES), failingCredentials, unexplainedBodies };
  // Exact without a query of its own: the cause facet lists every cause (six, fewer than a facet's rows), and a rejection is a call with one.
  const rejections = underOwnFilter(facets.cause.values, "cause", filters).reduce((sum, { count }) => sum + count, 0);
  for (const parameter of TABLE_PARAMETERS) applied.delete(parameter);
  const counts = { calls: page.total, rejections };
  const [latestWindow, gatewayEventsHref] = page.total === 0 ? await Promise.all([readLatestWindow(db, searched, times, now), searchedEventsHref(db, filters, applied, now)]) : [null, null];
  return { overview, ...shown, latestWindow: latestWindow && isoTimes(latestWindow), gatewayEventsHref, calls: { page, facets, histogram, charts, names, counts, filterQuery: applied.toString() } };
}

/** Where the view's search finds gateway events, when it does (one query, stopping at the first); null without a search. */
async function searchedEventsHref(db: Database, filters: CallFilters, applied: URLSearchParams, now: Date): Promise<string | null> {
  if (filters.q === undefined || !(await anyGatewayEvents(db, filters, now))) return null;
  const shared = new URLSearchParams([...applied].filter(([parameter]) => SHARED_FILTER_PARAMETERS.has(parameter)));
  return `/events?${shared}`;
}

const isoTimes = ({ from, to }: { from: Date; to: Date }): FixedTimes => ({ from: from.toISOString(), to: to.toISOString() });

/**
 * A facet's counts leave out the facet's own filter (so its other values stay
 * selectable); a chart follows every filter, so the facet's own is applied
 * here. The count of a value kept is the same either way. A chart ranks
 * values, so calls without one are never among its bars; but asking for
 * them (`missing=api`) is a filter of the field, which the values outside
 * it do not pass.
 */
function underOwnFilter(entries: FacetValue[], field: "cause" | "api" | "app", filters: CallFilters): FacetValue[] {
  const included = filters[field]?.map(String) ?? [];
  const excluded = filters[`not_${field}`]?.map(String) ?? [];
  const filtersIn = included.length > 0 || filters.missing?.includes(field) === true;
  const kept = (value: string) => (!filtersIn || included.includes(value)) && !excluded.includes(value);
  return entries.filter((entry) => entry.value !== null && kept(entry.value));
}

async function readValueNames(db: Database, filters: CallFilters): Promise<ValueNames> {
  const [credentials, uploads] = await Promise.all([
    readCredentialSummaries(db, [...(filters.fingerprint ?? []), ...(filters.refused ?? [])]),
    readUploadNames(db, filters.upload ?? []),
  ]);
  return { credentials, uploads: Object.fromEntries(uploads) };
}
