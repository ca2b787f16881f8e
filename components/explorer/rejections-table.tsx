import Link from "next/link";
import type { HistogramBucket, PeriodEvents } from "@/lib/explorer";
import { CAUSES, type Cause } from "@/lib/rules";
import { describeEvents, EVENTS_UNFILTERED, SEVERITY_COLORS } from "./gateway-event-marks";

/**
 * The calls chart as a table, for screen readers and the keyboard: a row
 * for each period that had calls or gateway events (the chart's empty bars
 * only show a gap), its rejections by cause and, unless the view is of
 * rejections alone, its calls not rejected, its gateway events (EventsCell),
 * and a button that narrows the view to that period as a click on its bar
 * does.
 */
export function RejectionsTable({ buckets, causes, withNotRejected, caption, label, zoom }: {
  buckets: HistogramBucket[];
  causes: readonly Cause[];
  withNotRejected: boolean;
  /** What the chart counts, as its title says it. */
  caption: string;
  label: (iso: string) => string;
  zoom: (start: string) => void;
}) {
  const total = (bucket: HistogramBucket) => causes.reduce((sum, cause) => sum + (bucket.counts[cause] ?? 0), bucket.notRejected);
  const shown = buckets.filter((bucket) => total(bucket) > 0 || bucket.events);
  const withEvents = shown.some((bucket) => bucket.events);
  const columnTotal = (count: (bucket: HistogramBucket) => number) => shown.reduce((sum, bucket) => sum + count(bucket), 0);
  return (
    <details className="chart-table">
      <summary>Show as a table</summary>
      {/* Outside the caption, which is as wide as the table and scrolls away with it on a phone. */}
      <p className="muted">
        The periods that had any calls or gateway events; a period&apos;s button narrows the view to it, as a click on its bar does.
        {withEvents && ` ${EVENTS_UNFILTERED}`}
      </p>
      <div className="chart-table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Period from</th>
              {causes.map((cause) => (
                <th key={cause} scope="col">{CAUSES[cause].title}</th>
              ))}
              {withNotRejected && <th scope="col">Not rejected</th>}
              <th scope="col">Total</th>
              {withEvents && <th scope="col">Gateway events</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((bucket) => (
              <tr key={bucket.start}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => zoom(bucket.start)}>
                    <span className="visually-hidden">Zoom to </span>
                    {label(bucket.start)}
                  </button>
                </th>
                {causes.map((cause) => (
                  <td key={cause}>{count(bucket.counts[cause] ?? 0)}</td>
                ))}
                {withNotRejected && <td>{count(bucket.notRejected)}</td>}
                <td>{count(total(bucket))}</td>
                {withEvents && <td className="events-cell">{bucket.events && <EventsCell events={bucket.events} />}</td>}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All periods</th>
              {causes.map((cause) => (
                <td key={cause}>{count(columnTotal((bucket) => bucket.counts[cause] ?? 0))}</td>
              ))}
              {withNotRejected && <td>{count(columnTotal((bucket) => bucket.notRejected))}</td>}
              <td>{count(columnTotal(total))}</td>
              {withEvents && <td>{count(columnTotal((bucket) => bucket.events?.count ?? 0))}</td>}
            </tr>
          </tfoot>
        </table>
      </div>
    </details>
  );
}

/**
 * A period's gateway events in two short lines, so that the table fits its
 * card beside the six causes: how many, coloured by the worst, with a link to
 * the events of the upload holding the first of the worst; then that line,
 * cut to the cell's width (whole under the pointer, and on the upload's page).
 * The chart's tooltip names the next ones.
 */
function EventsCell({ events }: { events: PeriodEvents }) {
  const description = describeEvents(events);
  const [upload, ...others] = events.uploads;
  const first = events.worst[0];
  return (
    <>
      <p className="events-cell-line">
        <span className="events-count" style={{ color: SEVERITY_COLORS[events.severity] }} title={description} aria-hidden="true">
          {count(events.count)}
        </span>
        <span className="visually-hidden">{description}</span>
        {upload && (
          <Link href={`/uploads/${upload.id}`}>
            <span className="visually-hidden">Gateway events of </span>
            {upload.name}
          </Link>
        )}
        {others.length > 0 && <span className="muted"> and {others.length === 1 ? "1 more upload" : `${others.length} more uploads`}</span>}
      </p>
      {first && (
        <p className="events-cell-line mono" title={first.text}>
          {first.text}
        </p>
      )}
    </>
  );
}

const count = (value: number) => value.toLocaleString("en");
