"use client";

import Link from "next/link";
import { useState } from "react";
import { callCount } from "@/components/calls/call-count";
import { CredentialStoryText } from "@/components/calls/credential-history";
import { PopoverForm } from "@/components/layout/popover-form";
import { explorerHref } from "@/lib/explorer/explorer-href";
import { credentialLabel } from "./credential-label";
import { requestLookup, type Finding } from "./credential-lookup-request";

/**
 * "Find credential…": a credential someone holds, pasted, leads to the calls
 * that carried it. The store keeps credentials only as keyed fingerprints, so
 * a search for the raw text finds nothing; the server hashes the value and
 * forgets it. It goes in a POST body from a password field: never into the
 * URL, the history or the screen.
 */
export function CredentialFinder() {
  const [finding, setFinding] = useState<Finding>({ kind: "idle" });

  const lookUp = async (form: HTMLFormElement) => {
    const value = new FormData(form).get("value")?.toString() ?? "";
    setFinding({ kind: "looking" });
    setFinding(await requestLookup(value));
    form.reset();
  };

  return (
    <PopoverForm className="credential-finder" summary="Find credential…" label="Find a credential" onSubmit={(form) => void lookUp(form)}>
      <label>
        Credential, as it was sent
        <input type="password" name="value" required autoComplete="off" spellCheck={false} />
      </label>
      <p className="muted">Compared by its fingerprint; the value is not stored. For an Authorization header, include its scheme (Bearer …).</p>
      <button type="submit" className="button primary" disabled={finding.kind === "looking"}>
        Find
      </button>
      <FindingShown finding={finding} />
    </PopoverForm>
  );
}

function FindingShown({ finding }: { finding: Finding }) {
  if (finding.kind === "failed") return <p role="alert">Could not look it up: {finding.message}.</p>;
  if (finding.kind !== "found") return null;
  const { lookup } = finding;
  if (lookup.carriedBy === 0) return <p role="status">No stored call carried {lookup.preview}.</p>;
  return (
    <div role="status" className="credential-found">
      <p>
        <code>{credentialLabel(lookup.credential)}</code>: carried by {callCount(lookup.carriedBy)}, refused in{" "}
        {lookup.refusedIn.toLocaleString("en")}.
      </p>
      {/* A support engineer's first question about a customer's token: did it work, and until when? */}
      {lookup.history && <CredentialStoryText history={lookup.history} />}
      <Link href={explorerHref({ fingerprint: lookup.fingerprint })}>Calls that carried it</Link>
      {lookup.refusedIn > 0 && <Link href={explorerHref({ refused: lookup.fingerprint })}>Rejections that refused it</Link>}
    </div>
  );
}
