import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { CredentialValue, whitespaceProblems } from "@/components/call/credential-value";
import { TraceView } from "@/components/call/trace-view";
import { CauseBadge } from "@/components/calls/cause-badge";
import { LocalTime, TimeZoneName } from "@/components/calls/local-time";
import { database } from "@/lib/database";
import { explorerViewHref, readCall, type CallDetail, type EvidenceView } from "@/lib/explorer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ callId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The call the URL names. Next hands the segment over decoded on a full page
 * load, but still encoded once on some client-side navigations (a `%20` in
 * the reference shows which): the segment as given is tried first, then
 * decoded once. A reference holding both forms of one name is not a case
 * gateways write.
 */
const findCall = cache(async (callId: string): Promise<CallDetail> => {
  for (const candidate of new Set([callId, decodedOnce(callId)])) {
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
          <span className={call.status === null ? "status status-none" : `status status-${Math.floor(call.status / 100)}xx`}>{call.status ?? "no response"}</span>
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

function Verdict({ call }: { call: CallDetail }) {
  if (!call.rejected || !call.explanation || !call.cause) {
    return (
      <section className="card verdict" aria-label="Verdict">
        <h2>Not a rejection</h2>
        <p className="muted">The gateway answered {call.status ?? "nothing logged"}; no credential rule rejected this call.</p>
      </section>
    );
  }
  return (
    <section className="card verdict" aria-label="Verdict">
      <h2>{call.explanation.title}</h2>
      <p>{call.explanation.explanation}</p>
      <h3>What to do</h3>
      <p data-testid="remedy">{call.explanation.remedy}</p>
      <EvidenceBlock title="Evidence" evidence={call.evidence.decisive} />
      {call.evidence.gatewayVerdict && <EvidenceBlock title="The gateway's own verdict" evidence={call.evidence.gatewayVerdict} />}
      {!sameEvidence(call.evidence.response, call.evidence.decisive) && <EvidenceBlock title="Response" evidence={call.evidence.response} />}
      <p className="verdict-links">
        <Link href={`/?cause=${call.cause}`}>All calls rejected for this cause →</Link>
      </p>
    </section>
  );
}

function sameEvidence(a: EvidenceView | null, b: EvidenceView | null): boolean {
  return a?.file === b?.file && a?.line === b?.line && a?.text === b?.text;
}

function EvidenceBlock({ title, evidence }: { title: string; evidence: EvidenceView | null }) {
  if (!evidence) return null;
  return (
    <figure className="evidence">
      <figcaption>
        {title} <span className="muted mono">{evidence.file}{evidence.line !== null ? `:${evidence.line}` : ""}</span>
      </figcaption>
      <pre className="code-block">{evidence.text}</pre>
    </figure>
  );
}

function CallFacts({ call }: { call: CallDetail }) {
  const named = call.credential;
  const carried = call.credentials.find((credential) => credential.fingerprint === named?.fingerprint);
  return (
    <section className="card facts" aria-label="Call details">
      <dl className="fact-list">
        <Fact label="API">{call.api}</Fact>
        <Fact label="Resource">{call.resource}</Fact>
        <Fact label="App">{call.app}</Fact>
        <Fact label="Client IP">{call.clientIp}</Fact>
        <Fact label="Duration">{call.durationMs === null ? null : `${call.durationMs} ms`}</Fact>
        <Fact label="Interceptor">{call.interceptor}</Fact>
        {named && (
          <Fact label="Refused credential">
            <span className="mono">{named.label ?? named.element}</span> in {named.location} <span className="mono">{named.name}</span>
          </Fact>
        )}
      </dl>
      {call.credentials.length > 0 && (
        <>
          <h3>Credentials the call carried</h3>
          <ul className="carried">
            {call.credentials.map((credential) => (
              <li key={`${credential.location}:${credential.name}:${credential.fingerprint}`} className={credential === carried ? "carried-named" : undefined}>
                <span className="mono">{credential.name}</span> <span className="muted">({credential.location})</span>{" "}
                <CredentialValue credential={credential} /> <span className="muted">{credential.length} chars</span>
                {whitespaceProblems(credential).length > 0 && <span className="warning"> sent with {whitespaceProblems(credential).join(" and ")}</span>}
                <Link className="carried-link" href={`/?fingerprint=${credential.fingerprint}`}>
                  every call with this credential →
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {call.uploads.length > 0 && (
        <p className="muted uploads-of-call">
          From {call.uploads.map((upload, index) => (
            <span key={upload.id}>
              {index > 0 && ", "}
              <Link href={`/?upload=${upload.id}`}>{upload.name}</Link>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  if (children === null || children === undefined) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
