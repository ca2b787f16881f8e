"use client";

import { useEffect, useState } from "react";
import { facetValuesAnswer, type FacetValues } from "@/lib/explorer/facet-values-answer";
import { errorAnswer } from "@/lib/ingest/upload-answer";

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
  try {
    const response = await fetch(href, { signal });
    const body: unknown = await response.json();
    if (!response.ok) return { failed: errorAnswer.safeParse(body).data?.error.message ?? `the server answered ${response.status}` };
    const values = facetValuesAnswer.safeParse(body);
    return values.success ? { values: values.data } : { failed: "the server's answer could not be read" };
  } catch {
    return { failed: "the server could not be reached" };
  }
}
