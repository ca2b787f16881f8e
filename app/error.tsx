"use client";

import { EmptyState } from "@/components/layout/empty-state";

/** Shown when a page cannot be served (the database is down, say): what happened and a way to retry. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState title="This page could not be loaded">
      <p>
        Tracelens could not read its database or finish the request. Check that the server started by <code>npm start</code>{" "}
        is still running, then try again.
        {error.digest && <span className="muted"> (reference {error.digest})</span>}
      </p>
      <button type="button" className="button primary" onClick={reset}>
        Try again
      </button>
    </EmptyState>
  );
}
