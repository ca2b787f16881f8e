"use client";

import { useState } from "react";
import { withFixedTimes, type FixedTimes } from "@/lib/explorer/explorer-href";

/**
 * "Copy link": the view as it is, relative range and all. With a relative
 * range (the last 7 days) that link shows another window tomorrow, so
 * "Copy link to these times" copies the window shown now instead.
 */
export function CopyLinks({ rangeTimes }: { rangeTimes: FixedTimes | null }) {
  return (
    <>
      <CopyLinkButton label="Copy link" link={() => window.location.href} />
      {rangeTimes && (
        <CopyLinkButton
          label="Copy link to these times"
          title={`The same view from ${rangeTimes.from} to ${rangeTimes.to}: it shows the same calls whenever it is opened`}
          link={() => linkToTimes(rangeTimes)}
        />
      )}
    </>
  );
}

function linkToTimes(times: FixedTimes): string {
  const here = new URL(window.location.href);
  here.search = withFixedTimes(here.searchParams, times).toString();
  return here.href;
}

function CopyLinkButton({ label, title, link }: { label: string; title?: string; link: () => string }) {
  const [copied, setCopied] = useState(false);
  const [uncopied, setUncopied] = useState<string | null>(null);
  const copy = async () => {
    const text = link();
    try {
      // There is no clipboard over plain http on a LAN address (not a secure context), and a write can be refused.
      if (!navigator.clipboard) throw new Error("no clipboard here");
      await navigator.clipboard.writeText(text);
      setUncopied(null);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setUncopied(text);
    }
  };
  return (
    <>
      <button type="button" className="button" title={title} onClick={copy}>
        {copied ? "Link copied" : label}
      </button>
      {uncopied !== null && (
        <label className="copy-yourself">
          Copy it yourself
          <input ref={selectAll} readOnly value={uncopied} onBlur={() => setUncopied(null)} />
        </label>
      )}
    </>
  );
}

/** Focuses a field with its whole text selected, ready for Ctrl+C. */
function selectAll(input: HTMLInputElement | null) {
  input?.focus();
  input?.select();
}
