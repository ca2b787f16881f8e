"use client";

import type { Facets, FacetField, FacetValue } from "@/lib/explorer";
import { CAUSES, isCause } from "@/lib/rules";
import { CAUSE_COLORS } from "@/components/calls/cause-colors";
import { FACET_TITLES, NO_VALUE_LABELS, missingSpellings } from "@/lib/explorer/fields";
import { FACETS_ID } from "./anchors";
import { useExplorerUrl } from "./use-explorer-url";

/** The order the facets are shown in: what most often answers "why" first. */
const FACETS: FacetField[] = ["cause", "status", "api", "app", "location", "name", "element", "interceptor", "method"];

// PostgreSQL text cannot hold NUL, so no value's key can be this one.
const NO_VALUE_KEY = "\u0000";

/**
 * Each field's values with exact counts under the other filters; + filters
 * in, − filters out. Calls without a value are counted too, so a facet of
 * no more values than it shows (12) adds up to the view's total, and are
 * filtered on like a value (`missing=<field>`).
 */
export function FacetPanel({ facets }: { facets: Facets }) {
  const url = useExplorerUrl();
  return (
    <aside id={FACETS_ID} className="facets" aria-label="Facets">
      <h2 className="visually-hidden">Filters</h2>
      {FACETS.every((field) => facets[field].length === 0) && <p className="muted facets-empty">No calls in this view, so nothing to count.</p>}
      {FACETS.map((field) => {
        const title = FACET_TITLES[field];
        if (facets[field].length === 0) return null;
        const has = (key: string, value: string) => url.values(key).includes(value);
        return (
          <section key={field} className="facet" aria-label={title}>
            <h3>{title}</h3>
            <ul>
              {facets[field].map((entry) => {
                const spellings = filtersOn(field, entry);
                const [[key, value], ...sameAs] = spellings;
                return (
                  <FacetRow
                    key={entry.value ?? NO_VALUE_KEY}
                    field={field}
                    label={shownAs(field, entry)}
                    value={entry.value}
                    count={entry.count}
                    included={spellings.some(([name, item]) => has(name, item))}
                    excluded={spellings.some(([name, item]) => has(`not_${name}`, item))}
                    onToggle={(out) => url.toggleValue(out ? `not_${key}` : key, value, sameAs)}
                  />
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}

/** What a facet row says. */
function shownAs(field: FacetField, { value }: FacetValue): string {
  if (value === null) return NO_VALUE_LABELS[field];
  return field === "cause" && isCause(value) ? CAUSES[value].title : value;
}

/** The [parameter, value] that filters in on a facet row, then any other spellings of that filter. */
function filtersOn(field: FacetField, { value }: FacetValue): [readonly [string, string], ...Array<readonly [string, string]>] {
  return value === null ? missingSpellings(field) : [[field, value]];
}

function FacetRow({ field, label, value, count, included, excluded, onToggle }: {
  field: FacetField;
  label: string;
  /** Null for the calls without a value. */
  value: string | null;
  count: number;
  included: boolean;
  excluded: boolean;
  onToggle: (out: boolean) => void;
}) {
  return (
    <li className={["facet-row", included ? "included" : excluded ? "excluded" : "", value === null ? "no-value" : ""].filter(Boolean).join(" ")}>
      <button type="button" className="facet-value" aria-pressed={included} title={`Only ${label}`} onClick={() => onToggle(false)}>
        {field === "cause" && isCause(value) && <span className="swatch" style={{ background: CAUSE_COLORS[value] }} aria-hidden="true" />}
        <span className="facet-label">{label}</span>
        <FacetCount count={count} />
      </button>
      <button
        type="button"
        className="facet-exclude"
        aria-pressed={excluded}
        aria-label={`Exclude ${label}`}
        title={`Exclude ${label}`}
        onClick={() => onToggle(true)}
      >
        −
      </button>
    </li>
  );
}

function FacetCount({ count }: { count: number }) {
  return <span className="facet-count">{count.toLocaleString("en")}</span>;
}
