"use client";

import { useEffect, useState } from "react";
import { facetValuesAnswer, type FacetValues } from "@/lib/explorer/facet-values-answer";
import { fetchAnswer } from "@/components/layout/fetch-answer";

/** Asked once typing pauses this long: a partner's name typed asks once, not once a letter. */
const TYPING_PAUSE_MS = 200;

type Answer = { href: string } & ({ values: FacetValues } | { failed: string });

/**
 * A facet's values read from `href` (`/api/facets/{field}?...`), or nothing
 * asked while it is null. The latest answer stays while the next is asked
 * (`current` says whether it answers `href`), so the list does not empty
 * out at each letter typed.
 */
export function useFacetValues(href: string | null): { answer: Answer | null; current: boolean } {
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (href === null) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      void readValues(href, abort.signal).then((read) => abort.signal.aborted || setAnswer({ href, ...read }));
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [href]);
  return { answer, current: answer !== null && answer.href === href };
}

async function readValues(href: string, signal: AbortSignal): Promise<{ values: FacetValues } | { failed: string }> {
  const read = await fetchAnswer(href, { signal }, facetValuesAnswer);
  return "answer" in read ? { values: read.answer } : read;
}
