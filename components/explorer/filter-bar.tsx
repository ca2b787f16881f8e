"use client";

import { CAUSES, isCause } from "@/lib/rules";
import type { IgnoredParameter, ValueNames } from "@/lib/explorer";
import type { FixedTimes } from "@/lib/explorer/explorer-href";
import { FACET_TITLES, MISSING, NO_RESPONSE, NO_VALUE_LABELS } from "@/lib/explorer/fields";
import { timeZoneOf, useZoneChoice } from "@/components/calls/display-zone";
import { formatLocal } from "@/components/calls/local-time";
import { Segmented } from "@/components/layout/segmented";
import { CopyLinks } from "./copy-link";
import { credentialLabel } from "./credential-label";
import { CredentialFinder } from "./credential-finder";
import { SearchBox } from "./search-box";
import { TimeRange } from "./time-range";
import { useExplorerUrl } from "./use-explorer-url";

const REJECTED = [
  ["", "All calls"],
  ["true", "Rejected"],
  ["false", "Not rejected"],
] as const;

// Parameters that are not shown as chips (they have their own controls).
const NOT_CHIPS = new Set(["q", "range", "rejected", "sort", "cursor", "limit", "columns"]);

/**
 * `ignored`: what the server left out of this URL's view; chips and exports leave it out too.
 * `names`: what the credentials and uploads the URL filters on are, for their chips.
 * `rangeTimes`: the times a relative range stood for when the view was read, for a link to them.
 */
export function FilterBar({ ignored, names, rangeTimes }: { ignored: IgnoredParameter[]; names: ValueNames; rangeTimes: FixedTimes | null }) {
  const url = useExplorerUrl();
  const timeZone = timeZoneOf(useZoneChoice());
  const applied = withoutIgnored(new URLSearchParams(url.params.toString()), ignored);
  const chips = [...applied.entries()].filter(([key]) => !NOT_CHIPS.has(key));
  return (
    <section className="filter-bar" aria-label="Filters">
      <div className="filter-row">
        <SearchBox />
        <TimeRange />
        <CredentialFinder />
        <Segmented label="Rejected" options={REJECTED} value={url.params.get("rejected") ?? ""} onChange={(value) => url.setValues("rejected", value ? [value] : [])} />
        <div className="filter-actions">
          <CopyLinks rangeTimes={rangeTimes} />
          <ExportLinks params={applied} />
        </div>
      </div>
      {chips.length > 0 && (
        <ul className="chips" aria-label="Active filters">
          {chips.map(([key, value]) => (
            <li key={`${key}=${value}`} className={key.startsWith("not_") ? "chip chip-out" : "chip"}>
              <span>{chipLabel(key, value, names, timeZone)}</span>
              <button type="button" aria-label={`Remove filter ${chipLabel(key, value, names, timeZone)}`} onClick={() => url.navigate((next) => next.delete(key, value))}>
                ×
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="link-button" onClick={() => url.navigate((next) => chips.forEach(([key]) => next.delete(key)))}>
              Clear all
            </button>
          </li>
        </ul>
      )}
      <IgnoredNotice ignored={ignored} shown="calls" />
    </section>
  );
}

/** Takes out of `params` the values the server ignored (all of a parameter when it names no value). */
function withoutIgnored(params: URLSearchParams, ignored: IgnoredParameter[]): URLSearchParams {
  for (const { parameter, value } of ignored) params.delete(parameter, value ?? undefined);
  return params;
}

/** What a page left out of its URL, and a button that takes it out of the link: `shown` names what the page shows under the rest. */
export function IgnoredNotice({ ignored, shown }: { ignored: IgnoredParameter[]; shown: string }) {
  const url = useExplorerUrl();
  if (ignored.length === 0) return null;
  return (
    <div className="alert ignored-notice" role="alert">
      <p>
        <strong>{ignored.length === 1 ? "Part of this link was ignored" : `${ignored.length} parts of this link were ignored`}</strong>; the {shown} below follow the
        rest of it.
      </p>
      <ul>
        {ignored.map(({ reason }) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={() => url.navigate((next) => void withoutIgnored(next, ignored))}>
        Remove {ignored.length === 1 ? "it" : "them"} from the link
      </button>
    </div>
  );
}

function ExportLinks({ params }: { params: URLSearchParams }) {
  const query = new URLSearchParams(params.toString());
  // The whole view, not its page; its columns choose the CSV's.
  for (const key of ["cursor", "limit"]) query.delete(key);
  const href = (format: string) => `/api/export?${new URLSearchParams([...query.entries(), ["format", format]]).toString()}`;
  return (
    <div className="export-links" role="group" aria-label="Export this view">
      <a className="button" href={href("csv")} download>
        Export CSV
      </a>
      <a className="button" href={href("ndjson")} download>
        NDJSON
      </a>
    </div>
  );
}

const FIELD_LABELS: Record<string, string> = { ...FACET_TITLES, upload: "Upload", fingerprint: "Credential", refused: "Refused credential", body: "Response body", from: "From", to: "To" };

function chipLabel(key: string, value: string, names: ValueNames, timeZone: "UTC" | undefined): string {
  const out = key.startsWith("not_");
  const parameter = out ? key.slice(4) : key;
  // missing=api reads as the API facet's row for calls without one: "API = — none".
  const [field, shown] = parameter === MISSING && isFacetField(value) ? [value, NO_VALUE_LABELS[value]] : [parameter, shownValue(parameter, value, names, timeZone)];
  return `${FIELD_LABELS[field] ?? field} ${out ? "≠" : "="} ${shown}`;
}

const isFacetField = (value: string): value is keyof typeof NO_VALUE_LABELS => Object.hasOwn(NO_VALUE_LABELS, value);

function shownValue(field: string, value: string, { credentials, uploads }: ValueNames, timeZone: "UTC" | undefined): string {
  // As the table shows times, in the zone chosen in the header.
  if (field === "from" || field === "to") return `${formatLocal(new Date(value), true, timeZone)}${timeZone === "UTC" ? " UTC" : ""}`;
  if (field === "cause" && isCause(value)) return CAUSES[value].title;
  if (field === "status" && value === NO_RESPONSE.value) return NO_VALUE_LABELS.status;
  if (field === "fingerprint" || field === "refused") return credentialLabel(credentials[value]);
  if (field === "upload") return uploads[value] ?? `a removed upload (${value.slice(0, 8)}…)`;
  return value;
}
