import type { FacetValue, Histogram, RankedCharts } from "@/lib/explorer";
import { CAUSES, isCause } from "@/lib/rules";
import { CAUSE_COLORS } from "@/components/calls/cause-colors";
import { counted } from "@/components/calls/call-count";
import { TimeSpan } from "@/components/calls/local-time";
import { distinctCredentialLabels } from "./credential-label";
import { RejectionsChart } from "./rejections-chart";
import { TopChart, type TopEntry } from "./top-chart";

/** The charts above the table; all follow the current filters (`rejected` is the view's). */
export function OverviewCharts({ histogram, charts, rejected }: { histogram: Histogram; charts: RankedCharts; rejected: boolean | undefined }) {
  const causes: TopEntry[] = charts.causes.flatMap(({ value, count }) =>
    isCause(value) ? [{ key: value, label: CAUSES[value].title, count, color: CAUSE_COLORS[value] }] : [],
  );
  // When a credential's rejections began and last came: "since when?" is the first question about a failing token.
  const labels = distinctCredentialLabels(charts.failingCredentials);
  const failing: TopEntry[] = charts.failingCredentials.map(({ fingerprint, rejections, names, first, last }, index) => ({
    key: fingerprint,
    // The bar counts the value's rejections under every name: the label must not say they were all under one.
    label: `${labels[index] ?? ""}${names > 1 ? ` (and ${counted(names - 1, "other name")})` : ""}`,
    count: rejections,
    detail: first !== null && last !== null ? <TimeSpan first={first} last={last} /> : undefined,
  }));
  return (
    <div className="charts">
      <RejectionsChart histogram={histogram} rejected={rejected} />
      <div className="charts-grid">
        <TopChart title="Causes" unit="calls" entries={causes} param="cause" />
        <TopChart title="Top failing credentials" unit="rejections" entries={failing} param="refused" />
        <TopChart title="Top APIs" unit="calls" entries={charts.apis.map(named)} param="api" repeatsFacet />
        <TopChart title="Top apps" unit="calls" entries={charts.apps.map(named)} param="app" repeatsFacet />
        {/* Only where the view holds unexplained 401s: their bodies are what is left to tell them apart by. */}
        {charts.unexplainedBodies.length > 0 && (
          <TopChart title="Unexplained 401s by response body" unit="calls" entries={charts.unexplainedBodies.map(named)} param="body" />
        )}
      </div>
    </div>
  );
}

const named = ({ value, count }: FacetValue): TopEntry => ({ key: value ?? "", label: value ?? "", count });
