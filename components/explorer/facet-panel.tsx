"use client";

import type { Facets, FacetField, FacetValue } from "@/lib/explorer";
import { CAUSES, isCause } from "@/lib/rules";
import { CAUSE_COLORS } from "@/components/calls/cause-colors";
import { FACET_TITLES, NO_RESPONSE } from "@/lib/explorer/fields";
import { useExplorerUrl } from "./use-explorer-url";

/** The order the facets are shown in: what most often answers "why" first. */
const FACETS: FacetField[] = ["cause", "status", "api", "app", "location", "name", "element", "interceptor", "method"];

// PostgreSQL text cannot hold NUL, so no value's key can be this one.
const NO_VALUE_KEY = "\u0000";

/**
 * Each field's values with exact counts under the other filters; + filters
 * in, − filters out. Calls without a value are counted too, so a facet of
 * no more values than it shows (12) adds up to the view's total.
 */
export function FacetPanel({ facets }: { facets: Facets }) {
  const url = useExplorerUrl();
  return (
    <aside className="facets" aria-label="Facets">
      {FACETS.every((field) => facets[field].length === 0) && <p className="muted facets-empty">No calls in this view, so nothing to count.</p>}
      {FACETS.map((field) => {
        const title = FACET_TITLES[field];
        if (facets[field].length === 0) return null;
        const included = url.values(field);
        const excluded = url.values(`not_${field}`);
        return (
          <section key={field} className="facet" aria-label={title}>
            <h3>{title}</h3>
            <ul>
              {facets[field].map((entry) => {
                const { label, value } = shownAs(field, entry);
                return value === null ? (
                  <CountOnlyRow key={NO_VALUE_KEY} label={label} count={entry.count} />
                ) : (
                  <FacetRow
                    key={value}
                    field={field}
                    label={label}
                    value={value}
                    count={entry.count}
                    included={included.includes(value)}
                    excluded={excluded.includes(value)}
                    onToggle={(key) => url.toggleValue(key, value)}
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

/** What a call without a value is, where "none" would not say it: a call with no cause was not rejected. */
const NO_VALUE_LABELS: Partial<Record<FacetField, string>> = {
  cause: "— not rejected",
  element: "— no credential named",
  location: "— no credential named",
  name: "— no credential named",
};

/** What a facet row says, and the URL value that filters on it (null where the URL has none). */
function shownAs(field: FacetField, { value }: FacetValue): { label: string; value: string | null } {
  if (value === null) return field === "status" ? { label: NO_RESPONSE.title, value: NO_RESPONSE.value } : { label: NO_VALUE_LABELS[field] ?? "— none", value: null };
  return { label: field === "cause" && isCause(value) ? CAUSES[value].title : value, value };
}

function FacetRow({ field, label, value, count, included, excluded, onToggle }: {
  field: FacetField;
  label: string;
  value: string;
  count: number;
  included: boolean;
  excluded: boolean;
  onToggle: (key: string) => void;
}) {
  return (
    <li className={included ? "facet-row included" : excluded ? "facet-row excluded" : "facet-row"}>
      <button type="button" className="facet-value" aria-pressed={included} title={`Only ${label}`} onClick={() => onToggle(field)}>
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
        onClick={() => onToggle(`not_${field}`)}
      >
        −
      </button>
    </li>
  );
}

/** Calls without a value for a field the URL cannot filter that way: their count, with nothing to click. */
function CountOnlyRow({ label, count }: { label: string; count: number }) {
  return (
    <li className="facet-row count-only" title="Calls without a value; there is no filter for them">
      <span className="facet-value">
        <span className="facet-label">{label}</span>
        <FacetCount count={count} />
      </span>
    </li>
  );
}

function FacetCount({ count }: { count: number }) {
  return <span className="facet-count">{count.toLocaleString("en")}</span>;
}
