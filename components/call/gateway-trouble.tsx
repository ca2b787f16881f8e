import Link from "next/link";
import type { EventNearCall, Spread } from "@/lib/explorer";
import { callsAroundHref } from "@/lib/explorer/explorer-href";

/**
 * The gateway's warnings and errors around a rejected call. A refusal's
 * cause is read from the call's own lines; a token store the gateway could
 * not reach is logged on lines of no call, and turns a burst of "invalid
 * token" into one infrastructure fault: said before anyone renews every
 * customer's token.
 */
export function GatewayTrouble({ events, spread }: { events: EventNearCall[]; spread: Spread | null }) {
  if (events.length === 0) return null;
  return (
    <aside className="gateway-trouble" aria-label="Gateway trouble around this call">
      <h3>The gateway logged trouble around this call</h3>
      <p>{READINGS[spread ?? "steady"]}</p>
      <ul>
        {events.map((event) => (
          <li key={`${event.uploadId}:${event.file}:${event.line}`}>
            <span className="muted">
              {whenBeside(event.secondsBefore)} · {event.file}:{event.line}
            </span>
            <pre className="code-block">{event.text}</pre>
          </li>
        ))}
      </ul>
      <Link href={callsAroundHref(events[0]?.time ?? "")}>Calls around the nearest →</Link>
    </aside>
  );
}

/** What the trouble may mean, by how the call's cause spread over other callers then (lib/explorer/same-cause-around.ts). */
const READINGS: Record<Spread, string> = {
  burst: "Many callers were refused at once while the gateway was in trouble: look at the gateway (a token store it could not reach, say) before renewing anyone's credential.",
  steady:
    "Before acting on the credential: if many calls were refused at once, the gateway itself (a token store it could not reach, say) may be at fault rather than the credential.",
  alone: "No other caller was refused for this reason then, so this trouble is less likely to be why; it is listed in case it is.",
};

/** "21 s before the call", "3 min after it". */
function whenBeside(secondsBefore: number): string {
  const seconds = Math.abs(secondsBefore);
  const amount = seconds < 1 ? "under a second" : seconds < 120 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
  return `${amount} ${secondsBefore >= 0 ? "before the call" : "after it"}`;
}
