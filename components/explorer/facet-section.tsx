"use client";

import { useId, useState } from "react";
import type { Facet, FacetField } from "@/lib/explorer";
import { facetValuesHref } from "@/lib/explorer/explorer-href";
import { FACET_TITLES } from "@/lib/explorer/fields";
import { FacetRows } from "./facet-row";
import { useFacetValues } from "./use-facet-values";

/**
 * One facet. Its most frequent values come with the page; one with more
 * values than that (apps, APIs, credential names: the value someone asks
 * about is often in the long tail) says how many it does not show, lists
 * them all on "Show all N", and has a box that narrows the list to the
 * values containing what is typed. All are counted as the facet's rows
 * are: under the view's filters but the facet's own.
 */
export function FacetSection({ field, facet, filterQuery }: { field: FacetField; facet: Facet; filterQuery: string }) {
  const title = FACET_TITLES[field];
  const listId = useId();
  const [showAll, setShowAll] = useState(false);
  const [match, setMatch] = useState("");
  const hidden = facet.valueCount - facet.values.length;
  const typed = hidden > 0 ? match.trim() : "";
  const listing = hidden > 0 && (showAll || typed !== "");
  const { answer, current } = useFacetValues(listing ? facetValuesHref(field, filterQuery, typed) : null);
  const listed = listing && answer !== null && "values" in answer ? answer.values : null;
  const status = !listing
    ? `${count(hidden)} more not shown`
    : answer === null || (!current && listed === null)
      ? "Listing the values…"
      : "failed" in answer
        ? `Could not list the values: ${answer.failed}.`
        : describeListed(answer.values.values.length, answer.values.matching, typed);
  return (
    <section className="facet" aria-label={title}>
      <h3>{title}</h3>
      {hidden > 0 && (
        <input
          type="search"
          className="facet-filter"
          value={match}
          onChange={(event) => setMatch(event.target.value)}
          placeholder={`Filter ${count(facet.valueCount)} values…`}
          aria-label={`Filter ${title} values`}
          aria-controls={listId}
          spellCheck={false}
          autoComplete="off"
        />
      )}
      <div id={listId} className={listed ? "facet-all" : undefined} aria-busy={listing && !current}>
        <FacetRows field={field} values={listed?.values ?? facet.values} />
      </div>
      {hidden > 0 && (
        <div className="facet-more">
          <p role="status" className="muted">{status}</p>
          <button type="button" className="link-button" aria-expanded={showAll} aria-controls={listId} onClick={() => setShowAll(!showAll)}>
            {showAll ? `Show the top ${count(facet.values.length)}` : `Show all ${count(facet.valueCount)}`}
          </button>
        </div>
      )}
    </section>
  );
}

/** What the list holds: every value, the values containing the text typed, or the most frequent of either when they are too many to list. */
function describeListed(listed: number, matching: number, typed: string): string {
  const which = typed === "" ? `${count(matching)} values` : `${count(matching)} ${matching === 1 ? "value contains" : "values contain"} “${typed}”`;
  if (matching === 0) return `No value contains “${typed}”`;
  if (listed < matching) return `${which}: the ${count(listed)} most frequent listed; type to narrow`;
  return typed === "" ? `All ${which}` : which;
}

const count = (value: number) => value.toLocaleString("en");
