import type { Facets, FailingCredential, Histogram } from "@/lib/explorer";
import { CAUSE_COLORS, CAUSES, isCause } from "@/components/calls/cause-style";
import { RejectionsChart } from "./rejections-chart";
import { TopChart, type TopEntry } from "./top-chart";

/** The charts above the table; all follow the current filters. */
export function OverviewCharts({ histogram, facets, credentials }: { histogram: Histogram; facets: Facets; credentials: FailingCredential[] }) {
  const causes: TopEntry[] = facets.cause
    .filter((entry) => isCause(entry.value))
    .map((entry) => {
      const cause = entry.value as keyof typeof CAUSES;
      return { key: cause, label: CAUSES[cause].title, count: entry.count, color: CAUSE_COLORS[cause] };
    });
  const top = (field: "api" | "app"): TopEntry[] =>
    facets[field].filter((entry) => entry.value !== null).slice(0, 6).map((entry) => ({ key: entry.value ?? "", label: entry.value ?? "", count: entry.count }));
  const failing: TopEntry[] = credentials.map((credential) => ({
    key: credential.fingerprint,
    label: `${credential.name ?? "?"} ${credential.preview ?? ""}`.trim(),
    count: credential.rejections,
  }));
  return (
    <div className="charts">
      <RejectionsChart histogram={histogram} />
      <div className="charts-grid">
        <TopChart title="Causes" unit="calls" entries={causes} param="cause" />
        <TopChart title="Top failing credentials" unit="rejections" entries={failing} param="fingerprint" />
        <TopChart title="Top APIs" unit="calls" entries={top("api")} param="api" />
        <TopChart title="Top apps" unit="calls" entries={top("app")} param="app" />
      </div>
    </div>
  );
}
