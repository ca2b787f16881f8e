import Link from "next/link";
import type { HistogramBucket } from "@/lib/explorer";
import { CAUSES, type Cause } from "@/lib/rules";
import { EVENTS_UNFILTERED, EventsSummary } from "./gateway-event-marks";

/**
 * The calls chart as a table, for screen readers and the keyboard: a row
 * for each period that had calls or gateway events (the chart's empty bars
 * only show a gap), its rejections by cause and, unless the view is of
 * rejections alone, its calls not rejected, its gateway events with a link to
 * the page of each upload holding them, and a button that narrows the view to
 * that period as a click on its bar does.
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
                {withEvents && (
                  <td className="events-cell">
                    {bucket.events && (
                      <>
                        <EventsSummary events={bucket.events} />
                        {bucket.events.uploads.map((upload) => (
                          <Link key={upload.id} href={`/uploads/${upload.id}`}>
                            Gateway events of {upload.name}
                          </Link>
                        ))}
                      </>
                    )}
                  </td>
                )}
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

const count = (value: number) => value.toLocaleString("en");
