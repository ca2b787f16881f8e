import Link from "next/link";
import type { CallDetail, CarriedCredentialView, EvidenceView } from "@/lib/explorer";
import { explorerHref } from "@/lib/explorer/explorer-href";
import { isEvidenceLine } from "./evidence-line";
import { GatewayTrouble } from "./gateway-trouble";
import { SameCauseAroundNote } from "./same-cause-around";

/** Why the call was rejected, what to do, and the lines that show it. */
export function Verdict({ call }: { call: CallDetail }) {
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
      <SentElsewhere call={call} />
      {call.sameCauseAround && <SameCauseAroundNote around={call.sameCauseAround} caller={callerOf(call)} />}
      <GatewayTrouble events={call.gatewayTrouble} spread={call.sameCauseAround?.spread ?? null} />
      <EvidenceBlock title="Evidence" evidence={call.evidence.decisive} />
      {call.evidence.gatewayVerdict && (
        <>
          <EvidenceBlock title="The gateway's own verdict" evidence={call.evidence.gatewayVerdict} />
          {call.evidence.gatewayVerdict.means && <p data-testid="gateway-verdict-means">{call.evidence.gatewayVerdict.means}</p>}
        </>
      )}
      {!isEvidenceLine(call.evidence.response, call.evidence.decisive) && <EvidenceBlock title="Response" evidence={call.evidence.response} />}
      <p className="verdict-links">
        <Link href={explorerHref({ cause: call.cause })}>All calls rejected for this cause →</Link>
      </p>
    </section>
  );
}

const PLACES: Record<CarriedCredentialView["location"], string> = { header: "a header", query: "a query parameter", cookie: "a cookie" };

/**
 * "Credential missing" is most often a credential sent under another name or
 * in another place: said with the call's own names, which fixes it.
 */
function SentElsewhere({ call }: { call: CallDetail }) {
  const expected = call.credential;
  if (!expected || call.sentElsewhere.length === 0) return null;
  return (
    <ul className="sent-elsewhere" data-testid="sent-elsewhere">
      {call.sentElsewhere.map((sent) => (
        <li key={`${sent.location}:${sent.name}`}>
          The call sent <span className="mono">{sent.name}</span> as {PLACES[sent.location]}, but the gateway looks for it only in {expected.location}{" "}
          <span className="mono">{expected.name}</span>
          {sent.location === expected.location ? ", spelled exactly so" : ""}: send it there.
        </li>
      ))}
    </ul>
  );
}

/** What the call's refused caller is known by: its credential, else its app. */
function callerOf(call: CallDetail): string {
  if (call.credential?.fingerprint) return "credential";
  return call.app !== null ? "app" : "caller";
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
