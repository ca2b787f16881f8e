"use client";

import { useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, usePlotArea, type TooltipContentProps } from "recharts";
import type { Histogram, PeriodEvents } from "@/lib/explorer";
import { setFixedTimes } from "@/lib/explorer/explorer-href";
import { CAUSE_ORDER, CAUSES } from "@/lib/rules";
import { callCount } from "@/components/calls/call-count";
import { CAUSE_COLORS } from "@/components/calls/cause-colors";
import { timeZoneOf, useZoneChoice } from "@/components/calls/display-zone";
import { formatLocal } from "@/components/calls/local-time";
import { EVENTS_UNFILTERED, EventMarker, EventsSummary, MARKER_ROOM } from "./gateway-event-marks";
import { RejectionsTable } from "./rejections-table";
import { timeTicks } from "./time-ticks";
import { useExplorerUrl } from "./use-explorer-url";

type Row = Record<string, number | string>;

/** The series of calls that were not rejected, beside the causes' in a row of the chart. */
const NOT_REJECTED = "notRejected";

/** The series in the order the table's columns and the facets run: the causes in the rules table's order, the calls not rejected last. */
const SERIES_ORDER: readonly string[] = [...CAUSE_ORDER, NOT_REJECTED];

/**
 * The least height a bar's part is drawn at when it counts anything. On a
 * linear axis that a burst sets to 16K, 15 rejections an hour later were
 * under a pixel high: a period with calls looked like a period without. A log
 * axis would show them, but a stacked bar on one misdraws every part above
 * the first (a part's height is no longer its count) and has no zero; so, as
 * Highcharts' minPointLength does, a part that counts anything is drawn at
 * least this high, and the tooltip and the table say its count.
 */
const LEAST_DRAWN_PX = 3;

/** What the chart counts, by the view's `rejected` filter: what is drawn depends on the data, what is asked for does not. */
const COUNTED = {
  rejections: { title: "Rejections over time", caption: (unit: string) => `Rejections per ${unit}, by cause` },
  notRejected: { title: "Calls not rejected over time", caption: (unit: string) => `Calls not rejected per ${unit}` },
  calls: { title: "Calls over time", caption: (unit: string) => `Calls per ${unit}: rejections by cause, and calls not rejected` },
};

/**
 * Calls over time: rejections stacked by cause, and the calls not rejected
 * above them in grey, so that a rise in 401s can be told from a rise in
 * traffic; with `rejected` (the view's filter) one side alone. A click on
 * a bar, or a drag across bars, narrows the view to that time.
 */
export function RejectionsChart({ histogram, rejected }: { histogram: Histogram; rejected: boolean | undefined }) {
  const url = useExplorerUrl();
  const [selection, setSelection] = useState<{ from: string; to?: string } | null>(null);
  const timeZone = timeZoneOf(useZoneChoice());
  const rows: Row[] = histogram.buckets.map((bucket) => ({ start: bucket.start, ...bucket.counts, ...(bucket.notRejected > 0 && { [NOT_REJECTED]: bucket.notRejected }) }));
  const events = new Map(histogram.buckets.flatMap((bucket) => (bucket.events ? [[bucket.start, bucket.events] as const] : [])));
  // recharts gives the callback the top of the stack so far, not the part's own count: read that from the row.
  const leastSize = (series: string) => (_top: unknown, index: number) => (Number(rows[index]?.[series] ?? 0) > 0 ? LEAST_DRAWN_PX : 0);
  const causes = CAUSE_ORDER.filter((cause) => rows.some((row) => typeof row[cause] === "number"));
  const withNotRejected = rejected !== true;
  const { title, caption } = COUNTED[rejected === true ? "rejections" : rejected === false ? "notRejected" : "calls"];
  const unit = describeWidth(histogram.bucketSeconds);

  // From the start of the first period to the end of the last: a drag may go either way.
  const zoomTo = (first: string, last: string) => {
    const [from = first, to = last] = [first, last].sort();
    const end = new Date(new Date(to).getTime() + histogram.bucketSeconds * 1000).toISOString();
    url.navigate((next) => setFixedTimes(next, { from, to: end }));
  };
  const apply = () => {
    if (selection) zoomTo(selection.from, selection.to ?? selection.from);
    setSelection(null);
  };
  const periodLabel = (iso: string) => formatLocal(new Date(iso), true, timeZone).slice(0, 19);

  return (
    <figure className="chart-card" aria-label={title}>
      <figcaption>
        <span>{title}</span>
        <span className="muted">
          per {unit}
          {events.size > 0 && (
            <>
              {" · "}
              <span className="events-key" title={EVENTS_UNFILTERED}>
                <span aria-hidden="true">▼</span> gateway events
              </span>
            </>
          )}
          {" · click or drag to zoom"}
        </span>
      </figcaption>
      {rows.length === 0 ? (
        <p className="chart-empty">No calls with a timestamp in this view.</p>
      ) : (
        <>
          <div className="chart-area" style={{ height: 180 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={rows}
                margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
                onMouseDown={(state) => state?.activeLabel && setSelection({ from: String(state.activeLabel) })}
                onMouseMove={(state) => selection && state?.activeLabel && setSelection({ ...selection, to: String(state.activeLabel) })}
                onMouseUp={apply}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
                <TimeAxis histogram={histogram} timeZone={timeZone} />
                <YAxis allowDecimals={false} width={44} padding={{ top: events.size > 0 ? MARKER_ROOM : 0 }} tickFormatter={compactCount} tick={{ fontSize: 11, fill: "var(--text-muted)" }} label={{ value: "calls", angle: -90, position: "insideLeft", fontSize: 11, fill: "var(--text-muted)" }} />
                {/* filterNull off: a period of events alone has no count for recharts to show, and would get no tooltip. */}
                <Tooltip cursor={{ fill: "var(--accent-soft)" }} filterNull={false} content={(props) => <PeriodTooltip {...props} label={props.label === undefined ? undefined : periodLabel(String(props.label))} events={events.get(String(props.label))} />} />
                {causes.map((cause) => (
                  <Bar key={cause} dataKey={cause} stackId="causes" fill={CAUSE_COLORS[cause]} minPointSize={leastSize(cause)} isAnimationActive={false} />
                ))}
                {withNotRejected && <Bar dataKey={NOT_REJECTED} stackId="causes" fill="var(--not-rejected)" minPointSize={leastSize(NOT_REJECTED)} isAnimationActive={false} />}
                {[...events].map(([start, periodEvents]) => (
                  <ReferenceLine key={start} x={start} shape={(props: { x1?: number; y1?: number; y2?: number }) => <EventMarker {...props} events={periodEvents} />} />
                ))}
                {selection?.to && <ReferenceArea x1={selection.from} x2={selection.to} fill="var(--accent)" fillOpacity={0.15} />}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <RejectionsTable
            buckets={histogram.buckets}
            causes={causes}
            withNotRejected={withNotRejected}
            caption={caption(unit)}
            label={periodLabel}
            zoom={(start) => zoomTo(start, start)}
          />
        </>
      )}
    </figure>
  );
}

/** A period's counts by series, in the order of the table's columns, and its gateway events. */
function PeriodTooltip({ active, payload, label, events }: Pick<TooltipContentProps<number, string>, "active" | "payload" | "label"> & { events: PeriodEvents | undefined }) {
  const counted = (payload ?? [])
    .filter((item) => typeof item.value === "number" && item.value > 0)
    // Unless told, recharts lists a tooltip's series by name: a third order beside the facets' and the table's.
    .sort((a, b) => SERIES_ORDER.indexOf(String(a.dataKey)) - SERIES_ORDER.indexOf(String(b.dataKey)));
  if (!active || (counted.length === 0 && !events)) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-label">{label}</p>
      {counted.length > 0 && (
        <ul>
          {counted.map((item) => (
            <li key={String(item.dataKey)}>
              <span className="severity-dot" style={{ background: item.color }} aria-hidden="true" />
              {item.dataKey === NOT_REJECTED ? "Not rejected" : (CAUSES[item.dataKey as keyof typeof CAUSES]?.title ?? String(item.dataKey))}: {callCount(Number(item.value))}
            </li>
          ))}
        </ul>
      )}
      {events && (
        <>
          <EventsSummary events={events} />
          <p className="muted">{EVENTS_UNFILTERED}</p>
        </>
      )}
    </div>
  );
}

function describeWidth(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${seconds / 60} min`;
  if (seconds < 86_400) return `${seconds / 3600} h`;
  return seconds === 86_400 ? "day" : `${seconds / 86_400} days`;
}

/** The periods' axis, its ticks chosen for the width the bars have (timeTicks), so that each day's first tick can say its date. */
function TimeAxis({ histogram, timeZone }: { histogram: Histogram; timeZone: string | undefined }) {
  const plotWidth = usePlotArea()?.width ?? 0;
  // Once per histogram, zone and width: a drag to zoom renders the chart at every move of the mouse.
  const ticks = useMemo(() => timeTicks(histogram.buckets.map((bucket) => bucket.start), histogram.bucketSeconds, timeZone, plotWidth), [histogram, timeZone, plotWidth]);
  const labels = useMemo(() => new Map(ticks.map((tick) => [tick.start, tick.label])), [ticks]);
  return <XAxis dataKey="start" ticks={ticks.map((tick) => tick.start)} interval={0} tickFormatter={(start: string) => labels.get(start) ?? ""} tick={{ fontSize: 11, fill: "var(--text-muted)" }} />;
}

/** 12k rather than 12,000: five digits would run into the axis label. */
const compactCount = (count: number) => new Intl.NumberFormat("en", { notation: "compact" }).format(count);
