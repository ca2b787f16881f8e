"use client";

import { useEffect, useRef, useState } from "react";
import { looksLikeCredential, requestLookup } from "./credential-lookup-request";
import { isPageKey } from "./keyboard";
import { useExplorerUrl } from "./use-explorer-url";

/** What is searched: the calls (their URI, body and trace) or the gateway events' lines (the /events page). */
const SEARCHED = {
  calls: { label: "Search calls", placeholder: "Search URI, response body or trace…   /" },
  events: { label: "Search gateway events", placeholder: "Search the events' lines…   /" },
} as const;

/**
 * The text search (`/` focuses it). A pasted credential is never searched as
 * text: stored text holds only its preview, so the search would find
 * nothing, and the token would sit in the URL, the history and every copied
 * link. Over calls it is looked up by fingerprint instead: when a stored
 * call carried it, its calls are shown; when none did, the box says so.
 */
export function SearchBox({ searched = "calls" }: { searched?: keyof typeof SEARCHED }) {
  const url = useExplorerUrl();
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    const focusSearch = (event: KeyboardEvent) => {
      if (event.key !== "/" || !isPageKey(event)) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener("keydown", focusSearch);
    return () => window.removeEventListener("keydown", focusSearch);
  }, []);

  const searchFor = async (form: HTMLFormElement) => {
    const q = new FormData(form).get("q")?.toString().trim() ?? "";
    setNote(null);
    if (!looksLikeCredential(q)) return url.setValues("q", q ? [q] : []);
    if (searched === "events") {
      form.reset();
      return setNote("Not searched: this looks like a credential, which gateway events hold only masked (2Yot…pAA). To find the calls that carried it, use Find credential… on Calls.");
    }
    const finding = await requestLookup(q);
    form.reset();
    if (finding.kind === "failed") return setNote(`Looked up as a credential, not searched as text: ${finding.message}.`);
    if (finding.kind !== "found" || finding.lookup.carriedBy === 0) return setNote("No stored call carried this credential (looked up by its fingerprint, not searched as text).");
    const { fingerprint } = finding.lookup;
    url.navigate((next) => {
      next.delete("q");
      next.set("fingerprint", fingerprint);
    });
  };

  return (
    <form
      role="search"
      className="search"
      onSubmit={(event) => {
        event.preventDefault();
        void searchFor(event.currentTarget);
      }}
    >
      <input
        ref={input}
        key={url.params.get("q") ?? ""}
        name="q"
        type="search"
        defaultValue={url.params.get("q") ?? ""}
        placeholder={SEARCHED[searched].placeholder}
        aria-label={SEARCHED[searched].label}
        onChange={() => setNote(null)}
      />
      {note && (
        <p role="status" className="search-note">
          {note}
        </p>
      )}
    </form>
  );
}
