import { callCount } from "@/components/calls/call-count";
import { CALLS_TABLE_ID } from "@/components/explorer/anchors";
import { CallsTable } from "@/components/explorer/calls-table";
import { ExplorerLoading, ExplorerNavigationProvider } from "@/components/explorer/explorer-navigation";
import { FacetPanel } from "@/components/explorer/facet-panel";
import { FacetsToggle } from "@/components/explorer/facets-toggle";
import { FilterBar } from "@/components/explorer/filter-bar";
import { FirstRun } from "@/components/explorer/first-run";
import { NoCalls } from "@/components/explorer/no-calls";
import { OverviewCharts } from "@/components/explorer/overview-charts";
import { database } from "@/lib/database";
import { readExplorerView, type Overview, type ViewCounts } from "@/lib/explorer";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The explorer: every filter, the sort, the page and the visible columns live in the URL. */
export default async function CallsPage({ searchParams }: Props) {
  const { overview, ignored, filters, rangeTimes, latestWindow, gatewayEventsHref, calls } = await readExplorerView(database(), await searchParams);
  return (
    <ExplorerNavigationProvider>
      <div className="page-heading">
        <div className="page-title">
          <h1>Calls</h1>
          <ExplorerLoading />
        </div>
        <HeadlineCounts overview={overview} view={calls?.counts ?? null} />
      </div>
      {calls === null ? (
        <FirstRun />
      ) : (
        <>
          <FilterBar ignored={ignored} names={calls.names} rangeTimes={rangeTimes} />
          <div className="explorer">
            <a className="button jump-to-calls" href={`#${CALLS_TABLE_ID}`}>
              {callCount(calls.page.total)} ↓
            </a>
            <FacetsToggle />
            <FacetPanel facets={calls.facets} filterQuery={calls.filterQuery} />
            <div className="explorer-main">
              <OverviewCharts histogram={calls.histogram} charts={calls.charts} rejected={filters.rejected} />
              <CallsTable page={calls.page} sort={filters.sort} columns={filters.columns} limit={filters.limit} empty={<NoCalls latestWindow={latestWindow} gatewayEventsHref={gatewayEventsHref} />} />
            </div>
          </div>
        </>
      )}
    </ExplorerNavigationProvider>
  );
}

/**
 * The view's calls and rejections, as every count on the page follows the
 * filters (a log tool's hit count does: numbers above a filtered view are
 * read as the view's), each beside what is stored in all, which says
 * whether an upload landed; uploads are not filtered, so they are the
 * stored count alone.
 */
function HeadlineCounts({ overview, view }: { overview: Overview; view: ViewCounts | null }) {
  const counts = [
    { label: "Calls in view", shown: view?.calls ?? overview.calls, stored: overview.calls, testId: "stored-calls" },
    { label: "Rejections in view", shown: view?.rejections ?? overview.rejections, stored: overview.rejections, testId: "stored-rejections" },
  ];
  return (
    <dl className="headline-counts">
      {counts.map(({ label, shown, stored, testId }) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{shown.toLocaleString("en")}</dd>
          <dd className="headline-stored">
            of <span data-testid={testId}>{stored.toLocaleString("en")}</span> stored
          </dd>
        </div>
      ))}
      <div>
        <dt>Uploads</dt>
        <dd>{overview.uploads.toLocaleString("en")}</dd>
        <dd className="headline-stored">stored</dd>
      </div>
    </dl>
  );
}
