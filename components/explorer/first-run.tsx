import Link from "next/link";
import { EmptyState } from "@/components/layout/empty-state";

export function FirstRun() {
  return (
    <EmptyState title="No calls yet: load a gateway trace log">
      <p>
        Tracelens reads the API gateway&apos;s General trace log (text, JSON Lines or a JSON document, plain or gzip), links
        every line to its call and explains each <strong>401</strong>: which credential was refused, why, and the exact log
        line that says so.
      </p>
      <ol className="steps">
        <li>
          <span className="step-title">In the browser</span>
          <span>
            Drop one or more trace files on the <Link href="/uploads">Uploads</Link> page.
          </span>
        </li>
        <li>
          <span className="step-title">From a terminal</span>
          <code className="command">npx tracelens ingest path/to/gateway-trace.log</code>
        </li>
        <li>
          <span className="step-title">Without storing anything</span>
          <code className="command">npx tracelens classify path/to/gateway-trace.log</code>
        </li>
      </ol>
      <p className="hint">Credentials in the logs are never stored: only a fingerprint and a masked preview.</p>
    </EmptyState>
  );
}
