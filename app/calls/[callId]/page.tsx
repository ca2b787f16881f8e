import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { CallFacts } from "@/components/call/call-facts";
import { TraceView } from "@/components/call/trace-view";
import { Verdict } from "@/components/call/verdict";
import { CauseBadge } from "@/components/calls/cause-badge";
import { LocalTime, TimeZoneName } from "@/components/calls/local-time";
import { StatusBadge } from "@/components/calls/status-badge";
import { database } from "@/lib/database";
import { explorerViewHref, readCall, type CallDetail } from "@/lib/explorer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ callId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The call the URL names. Links encode the reference once (callHref), and
 * Next hands the segment over as it was sent: decoded once, it is the
 * reference. A segment that does not decode (a bare "%", typed by hand) is
 * tried as it is.
 */
const findCall = cache(async (callId: string): Promise<CallDetail> => {
  for (const candidate of new Set([decodedOnce(callId), callId])) {
    const call = candidate === null ? null : await readCall(database(), candidate);
    if (call) return call;
  }
  notFound();
});

function decodedOnce(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // a bare "%": nothing to decode
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Call ${(await findCall((await params).callId)).callId}` };
}

export default async function CallPage({ params, searchParams }: Props) {
  const call = await findCall((await params).callId);
  const request = [call.method, call.uri].filter((part) => part !== null).join(" ");
  return (
    <article className="call-page">
      <Link href={explorerViewHref(await searchParams)} className="back-link">
        ← Calls
      </Link>
      <header className="call-heading">
        <h1 className={request ? "mono" : undefined}>{request || "Request not logged"}</h1>
        <p className="call-meta">
          <StatusBadge status={call.status} noResponse="no response" />
          <CauseBadge cause={call.cause} />
          <span>
            <LocalTime iso={call.time} />
            <TimeZoneName />
          </span>
          <span className="muted mono">call {call.callId}</span>
        </p>
      </header>
      <div className="call-grid">
        <Verdict call={call} />
        <CallFacts call={call} />
      </div>
      <section className="card" aria-labelledby="trace-title">
        <h2 id="trace-title">Trace ({call.trace.length} {call.trace.length === 1 ? "line" : "lines"})</h2>
        <TraceView trace={call.trace} marks={call.evidence} />
      </section>
      {call.responseBody !== null && (
        <section className="card" aria-labelledby="body-title">
          <h2 id="body-title">Response body</h2>
          <pre className="code-block">{call.responseBody}</pre>
        </section>
      )}
      {Object.keys(call.extraFields).length > 0 && (
        <section className="card" aria-labelledby="extra-title">
          <h2 id="extra-title">Other fields in the log</h2>
          <pre className="code-block">{JSON.stringify(call.extraFields, null, 2)}</pre>
        </section>
      )}
    </article>
  );
}
