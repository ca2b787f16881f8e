import { CallsTable } from "@/components/explorer/calls-table";
import { ExplorerLoading, ExplorerNavigationProvider } from "@/components/explorer/explorer-navigation";
import { FacetPanel } from "@/components/explorer/facet-panel";
import { FacetsToggle } from "@/components/explorer/facets-toggle";
import { FilterBar } from "@/components/explorer/filter-bar";
import { FirstRun } from "@/components/explorer/first-run";
import { NoCalls } from "@/components/explorer/no-calls";
import { OverviewCharts } from "@/components/explorer/overview-charts";
import { database } from "@/lib/database";
import { readExplorerView, type ExplorerView } from "@/lib/explorer";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The explorer: every filter, the sort, the page and the visible columns live in the URL. */
export default async function CallsPage({ searchParams }: Props) {
  const { overview, ignored, filters, rangeTimes, latestWindow, calls } = await readExplorerView(database(), await searchParams);
  return (
    <ExplorerNavigationProvider>
      <div className="page-heading">
        <div className="page-title">
          <h1>Calls</h1>
          <ExplorerLoading />
        </div>
        <HeadlineCounts overview={overview} />
      </div>
      {calls === null ? (
        <FirstRun />
      ) : (
        <>
          <FilterBar ignored={ignored} names={calls.names} rangeTimes={rangeTimes} />
          <div className="explorer">
            <FacetsToggle />
            <FacetPanel facets={calls.facets} />
            <div className="explorer-main">
              <OverviewCharts histogram={calls.histogram} charts={calls.charts} />
              <CallsTable page={calls.page} sort={filters.sort} columns={filters.columns} limit={filters.limit} empty={<NoCalls latestWindow={latestWindow} />} />
            </div>
          </div>
        </>
      )}
    </ExplorerNavigationProvider>
  );
}

function HeadlineCounts({ overview }: { overview: ExplorerView["overview"] }) {
  const counts = [
    ["Stored calls", overview.calls, "stored-calls"],
    ["Rejections", overview.rejections, undefined],
    ["Uploads", overview.uploads, undefined],
  ] as const;
  return (
    <dl className="headline-counts">
      {counts.map(([label, count, testId]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{count.toLocaleString("en")}</dd>
        </div>
      ))}
    </dl>
  );
}
