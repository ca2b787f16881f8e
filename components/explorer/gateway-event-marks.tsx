import type { EventSeverity, PeriodEvents } from "@/lib/explorer";

/** A colour per severity, as the chart's markers and the table draw them: an error in the dashboard's red, a warning in amber. */
export const SEVERITY_COLORS: Record<EventSeverity, string> = { error: "var(--danger)", warning: "var(--warning)", other: "var(--text-muted)" };

const SEVERITY_NAMES: Record<EventSeverity, string> = { error: "ERROR or FATAL", warning: "WARN", other: "INFO or other" };

/** "4 gateway events, 2 ERROR or FATAL": how many, and how many of the worst. */
export function describeEvents({ count, severity, worstCount }: PeriodEvents): string {
  const counted = `${count.toLocaleString("en")} gateway ${count === 1 ? "event" : "events"}`;
  return worstCount === count && count === 1 ? `${counted}, ${SEVERITY_NAMES[severity]}` : `${counted}, ${worstCount.toLocaleString("en")} ${SEVERITY_NAMES[severity]}`;
}

/** Said wherever events are counted beside calls, since the view's other filters leave them as they are. */
export const EVENTS_UNFILTERED = "Gateway events name no call: of the view's filters only its time and upload apply to them.";

/** A period's events in the chart's tooltip: how many, and the first lines of the worst. */
export function EventsSummary({ events }: { events: PeriodEvents }) {
  return (
    <div className="events-summary">
      <p>
        <span className="severity-dot" style={{ background: SEVERITY_COLORS[events.severity] }} aria-hidden="true" />
        {describeEvents(events)}
      </p>
      <ul>
        {events.worst.map((event, index) => (
          <li key={index} className="mono">
            {event.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A period's gateway events on the chart, as Grafana marks annotations: a
 * dashed line down the period and a flag at its top, coloured by the worst
 * of them. Drawn inside the plot (in the y axis's top padding), so that a
 * click on it zooms to its period as a click on its bar does, and the
 * pointer over it shows the period's tooltip.
 */
export function EventMarker({ x1, y1, y2, events }: { x1?: number; y1?: number; y2?: number; events: PeriodEvents }) {
  if (x1 === undefined || y1 === undefined || y2 === undefined) return <g />;
  const top = Math.min(y1, y2);
  const bottom = Math.max(y1, y2);
  const color = SEVERITY_COLORS[events.severity];
  return (
    <g className="event-marker" role="img" aria-label={describeEvents(events)} data-severity={events.severity}>
      <line x1={x1} x2={x1} y1={top + FLAG_HEIGHT} y2={bottom} stroke={color} strokeDasharray="2 3" strokeOpacity={0.7} />
      <path d={`M${x1 - FLAG_HALF_WIDTH},${top} h${2 * FLAG_HALF_WIDTH} l${-FLAG_HALF_WIDTH},${FLAG_HEIGHT} z`} fill={color} />
    </g>
  );
}

const FLAG_HEIGHT = 8;
const FLAG_HALF_WIDTH = 5;
/** Room above the tallest bar for the flags. */
export const MARKER_ROOM = FLAG_HEIGHT + 4;
