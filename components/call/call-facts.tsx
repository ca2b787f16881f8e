import Link from "next/link";
import type { CallDetail } from "@/lib/explorer";
import { explorerHref } from "@/lib/explorer/explorer-href";
import { CredentialValue, whitespaceProblems } from "./credential-value";

/** What the trace says about the call: where it went, who sent it, the credentials it carried, the uploads it came from. */
export function CallFacts({ call }: { call: CallDetail }) {
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
          {call.uploads.length === 1 ? "Upload" : "Uploads"} holding this call:{" "}
          {call.uploads.map((upload, index) => (
            <span key={upload.id}>
              {index > 0 && ", "}
              <Link href={explorerHref({ upload: upload.id })}>{upload.name}</Link>
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
