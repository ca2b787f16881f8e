"use client";

import type { FacetField, FacetValue } from "@/lib/explorer";
import { CAUSES, isCause } from "@/lib/rules";
import { CAUSE_COLORS } from "@/components/calls/cause-colors";
import { NO_VALUE_LABELS, missingSpellings } from "@/lib/explorer/fields";
import { useExplorerUrl } from "./use-explorer-url";

// PostgreSQL text cannot hold NUL, so no value's key can be this one.
const NO_VALUE_KEY = "\u0000";

/** A facet's rows: + filters in on a value, − filters out; calls without a value are filtered on like one (`missing=<field>`). */
export function FacetRows({ field, values }: { field: FacetField; values: readonly FacetValue[] }) {
  const url = useExplorerUrl();
  const has = (key: string, value: string) => url.values(key).includes(value);
  return (
    <ul>
      {values.map((entry) => {
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
        <span className={field === "cause" ? "facet-label cause-title" : "facet-label"}>{label}</span>
        <span className="facet-count">{count.toLocaleString("en")}</span>
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
