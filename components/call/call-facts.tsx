import Link from "next/link";
import type { CallDetail } from "@/lib/explorer";
import { explorerHref, type ExplorerLinkFilters } from "@/lib/explorer/explorer-href";
import { CredentialHistoryNote } from "@/components/calls/credential-history";
import { Fact } from "@/components/layout/fact";
import { CredentialValue, whitespaceProblems } from "./credential-value";

/** What the trace says about the call: where it went, who sent it, the credentials it carried, the uploads it came from. */
export function CallFacts({ call }: { call: CallDetail }) {
  const named = call.credential;
  const carried = call.credentials.find((credential) => credential.fingerprint === named?.fingerprint);
  return (
    <section className="card facts" aria-label="Call details">
      <dl className="fact-list">
        <Fact label="API">{call.api && <WithRejections value={call.api} of={{ api: call.api }} />}</Fact>
        <Fact label="Resource">{call.resource}</Fact>
        <Fact label="App">{call.app && <WithRejections value={call.app} of={{ app: call.app }} />}</Fact>
        <Fact label="Client IP">{call.clientIp}</Fact>
        <Fact label="User-Agent">{call.userAgent && <WithRejections value={call.userAgent} of={{ agent: call.userAgent }} />}</Fact>
        <Fact label="Duration">{call.durationMs === null ? null : `${call.durationMs} ms`}</Fact>
        <Fact label="Interceptor">{call.interceptor && <WithRejections value={call.interceptor} of={{ interceptor: call.interceptor }} />}</Fact>
        {named && (
          <Fact label={call.cause === "missing_credential" ? "Expected credential" : "Refused credential"}>
            <span className="mono">{named.label ?? named.element}</span> in {named.location} <span className="mono">{named.name}</span>
            {named.fingerprint && <RejectionsLink what="this credential" of={{ refused: named.fingerprint }} />}
          </Fact>
        )}
      </dl>
      {call.refusedHistory && <CredentialHistoryNote history={call.refusedHistory} />}
      {call.credentials.length > 0 && (
        <>
          <h3>Credentials the call carried</h3>
          <ul className="carried">
            {call.credentials.map((credential) => (
              <li key={`${credential.location}:${credential.name}:${credential.fingerprint}`} className={credential === carried ? "carried-named" : undefined}>
                <span className="mono">{credential.name}</span> <span className="muted">({credential.location})</span>{" "}
                <CredentialValue credential={credential} /> <span className="muted">{credential.length} chars</span>
                {whitespaceProblems(credential).length > 0 && <span className="warning"> sent with {whitespaceProblems(credential).join(" and ")}</span>}
                <Link className="carried-link" href={explorerHref({ fingerprint: credential.fingerprint })}>
                  every call with this credential →
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {call.uploads.length > 0 && (
        <p className="muted uploads-of-call">
          {/* Quoted: an upload is named for its files ("trace.log and 2 more"), which unquoted read as where the call's lines are. */}
          Brought by {call.uploads.length === 1 ? "the upload" : "the uploads"}{" "}
          {call.uploads.map((upload, index) => (
            <span key={upload.id}>
              {index > 0 && ", "}“<Link href={explorerHref({ upload: upload.id })}>{upload.name}</Link>”
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

/**
 * A value of the call with a link to every rejection that shares it: from
 * one call to "is it only my partner's app?" in a click, as a log tool's
 * filter-for-value does.
 */
function WithRejections({ value, of }: { value: string; of: ExplorerLinkFilters }) {
  return (
    <>
      {value}
      <RejectionsLink what={value} of={of} />
    </>
  );
}

function RejectionsLink({ what, of }: { what: string; of: ExplorerLinkFilters }) {
  return (
    <>
      {" "}
      <Link className="fact-pivot" href={explorerHref({ ...of, rejected: true })} aria-label={`Rejections of ${what}`}>
        rejections →
      </Link>
    </>
  );
}
