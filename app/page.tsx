import { CallsTable } from "@/components/explorer/calls-table";
import { ExplorerLoading, ExplorerNavigationProvider } from "@/components/explorer/explorer-navigation";
import { FacetPanel } from "@/components/explorer/facet-panel";
import { FilterBar } from "@/components/explorer/filter-bar";
import { FirstRun } from "@/components/explorer/first-run";
import { OverviewCharts } from "@/components/explorer/overview-charts";
import { database } from "@/lib/database";
import {
  listCalls,
  parseCallFiltersLeniently,
  readCredentialSummaries,
  readFacets,
  readHistogram,
  readOverview,
  readTopFailingCredentials,
  searchOnce,
} from "@/lib/explorer";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The explorer: every filter, the sort, the page and the visible columns live in the URL. */
export default async function CallsPage({ searchParams }: Props) {
  const db = database();
  const overview = await readOverview(db);
  const { filters: given, ignored } = parseCallFiltersLeniently(await searchParams);
  const now = new Date();
  const filters = overview.calls ? await searchOnce(db, given) : given;
  const [page, facets, histogram, credentials, credentialsInUrl] = overview.calls
    ? await Promise.all([
        listCalls(db, filters, now),
        readFacets(db, filters, now),
        readHistogram(db, filters, now),
        readTopFailingCredentials(db, filters, now, 6),
        readCredentialSummaries(db, [...(filters.fingerprint ?? []), ...(filters.refused ?? [])]),
      ])
    : [];
  return (
    <ExplorerNavigationProvider>
      <div className="page-heading">
        <div className="page-title">
          <h1>Calls</h1>
          <ExplorerLoading />
        </div>
        <dl className="headline-counts">
          <div>
            <dt>Stored calls</dt>
            <dd data-testid="stored-calls">{overview.calls.toLocaleString("en")}</dd>
          </div>
          <div>
            <dt>Rejections</dt>
            <dd>{overview.rejections.toLocaleString("en")}</dd>
          </div>
          <div>
            <dt>Uploads</dt>
            <dd>{overview.uploads.toLocaleString("en")}</dd>
          </div>
        </dl>
      </div>
      {!page || !facets || !histogram || !credentials || !credentialsInUrl ? (
        <FirstRun />
      ) : (
        <>
          <FilterBar ignored={ignored} credentials={credentialsInUrl} />
          <div className="explorer">
            <FacetPanel facets={facets} />
            <div className="explorer-main">
              <OverviewCharts histogram={histogram} facets={facets} credentials={credentials} filters={given} />
              <CallsTable page={page} />
            </div>
          </div>
        </>
      )}
    </ExplorerNavigationProvider>
  );
}
