"use client";

import type { Facets, FacetField, FacetValue } from "@/lib/explorer";
import { CAUSE_COLORS, CAUSES, isCause } from "@/components/calls/cause-style";
import { FACET_TITLES } from "@/lib/explorer/fields";
import { useExplorerUrl } from "./use-explorer-url";

/** The order the facets are shown in: what most often answers "why" first. */
const FACETS: FacetField[] = ["cause", "status", "api", "app", "location", "name", "element", "interceptor", "method"];

/** Each field's values with exact counts under the other filters; + filters in, − filters out. */
export function FacetPanel({ facets }: { facets: Facets }) {
  const url = useExplorerUrl();
  return (
    <aside className="facets" aria-label="Facets">
      {FACETS.map((field) => {
        const title = FACET_TITLES[field];
        const values = facets[field].filter((entry) => entry.value !== null);
        if (values.length === 0) return null;
        const included = url.values(field);
        const excluded = url.values(`not_${field}`);
        return (
          <section key={field} className="facet" aria-label={title}>
            <h3>{title}</h3>
            <ul>
              {values.map((entry) => (
                <FacetRow
                  key={entry.value}
                  field={field}
                  entry={entry}
                  included={included.includes(entry.value ?? "")}
                  excluded={excluded.includes(entry.value ?? "")}
                  onToggle={(key) => url.toggleValue(key, entry.value ?? "")}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}

function FacetRow({ field, entry, included, excluded, onToggle }: {
  field: FacetField;
  entry: FacetValue;
  included: boolean;
  excluded: boolean;
  onToggle: (key: string) => void;
}) {
  const value = entry.value ?? "";
  const label = field === "cause" && isCause(value) ? CAUSES[value].title : value;
  return (
    <li className={included ? "facet-row included" : excluded ? "facet-row excluded" : "facet-row"}>
      <button type="button" className="facet-value" aria-pressed={included} title={`Only ${label}`} onClick={() => onToggle(field)}>
        {field === "cause" && isCause(value) && <span className="swatch" style={{ background: CAUSE_COLORS[value] }} aria-hidden="true" />}
        <span className="facet-label">{label}</span>
        <span className="facet-count">{entry.count.toLocaleString("en")}</span>
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
