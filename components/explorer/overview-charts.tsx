import type { CallFilters, FacetValue, Facets, FailingCredential, Histogram } from "@/lib/explorer";
import { CAUSES, isCause } from "@/lib/rules";
import { CAUSE_COLORS } from "@/components/calls/cause-colors";
import { credentialLabel } from "./credential-label";
import { RejectionsChart } from "./rejections-chart";
import { TopChart, type TopEntry } from "./top-chart";

type Props = { histogram: Histogram; facets: Facets; credentials: FailingCredential[]; filters: CallFilters };

/**
 * A facet's counts leave out the facet's own filter (so other values stay
 * selectable); a chart must follow every filter, so its own is applied here.
 * The count of a kept value is the same either way.
 */
function underOwnFilter(entries: FacetValue[], included: ReadonlyArray<string | number> | undefined, excluded: ReadonlyArray<string | number> | undefined) {
  return entries.filter(
    (entry) => entry.value !== null && (!included?.length || included.map(String).includes(entry.value)) && !excluded?.map(String).includes(entry.value),
  );
}

/** The charts above the table; all follow the current filters. */
export function OverviewCharts({ histogram, facets, credentials, filters }: Props) {
  const causes: TopEntry[] = underOwnFilter(facets.cause, filters.cause, filters.not_cause)
    .filter((entry) => isCause(entry.value))
    .map((entry) => {
      const cause = entry.value as keyof typeof CAUSES;
      return { key: cause, label: CAUSES[cause].title, count: entry.count, color: CAUSE_COLORS[cause] };
    });
  const top = (field: "api" | "app"): TopEntry[] =>
    underOwnFilter(facets[field], filters[field], filters[`not_${field}`]).slice(0, 6).map((entry) => ({ key: entry.value ?? "", label: entry.value ?? "", count: entry.count }));
  const failing: TopEntry[] = credentials.map(({ fingerprint, credential, rejections }) => ({ key: fingerprint, label: credentialLabel(credential), count: rejections }));
  return (
    <div className="charts">
      <RejectionsChart histogram={histogram} />
      <div className="charts-grid">
        <TopChart title="Causes" unit="calls" entries={causes} param="cause" />
        <TopChart title="Top failing credentials" unit="rejections" entries={failing} param="refused" />
        <TopChart title="Top APIs" unit="calls" entries={top("api")} param="api" />
        <TopChart title="Top apps" unit="calls" entries={top("app")} param="app" />
      </div>
    </div>
  );
}
