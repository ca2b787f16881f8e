"use client";

import type { ReactNode } from "react";
import { useExplorerUrl } from "./use-explorer-url";

/** A ranked row; `detail`, when there is one, is a line of its own under the label. */
export type TopEntry = { key: string; label: string; count: number; color?: string; detail?: ReactNode };

/**
 * A ranked list drawn as bars; a click (or Enter) on a row filters the view
 * to it (`param=key`), again to take the filter off. Plain buttons rather than
 * an SVG chart: each bar is reachable by keyboard and read by screen readers.
 * A `single` parameter (the search) takes one value: a click replaces it.
 * One that `repeatsFacet` gives way where the facets are a column beside it
 * (globals.css), which count the same values.
 */
export function TopChart({
  title,
  unit,
  entries,
  param,
  single = false,
  repeatsFacet = false,
}: {
  title: string;
  unit: string;
  entries: TopEntry[];
  param: string;
  single?: boolean;
  repeatsFacet?: boolean;
}) {
  const url = useExplorerUrl();
  const selected = url.values(param);
  const pick = (key: string) => (single ? url.setValues(param, selected.includes(key) ? [] : [key]) : url.toggleValue(param, key));
  const largest = Math.max(1, ...entries.map((entry) => entry.count));
  return (
    <figure className={repeatsFacet ? "chart-card repeats-facet" : "chart-card"} aria-label={title}>
      <figcaption>
        <span>{title}</span>
        <span className="muted">{unit}</span>
      </figcaption>
      {entries.length === 0 ? (
        <p className="chart-empty">Nothing in this view.</p>
      ) : (
        <ol className="top-list">
          {entries.map((entry) => (
            <li key={entry.key}>
              <button
                type="button"
                className="top-row"
                aria-pressed={selected.includes(entry.key)}
                title={`${entry.label}: ${entry.count.toLocaleString("en")} ${unit}`}
                onClick={() => pick(entry.key)}
              >
                {/* The spaces between the parts keep them apart in the button's accessible name; the grid ignores them. */}
                <span className="top-label">{entry.label}</span>{" "}
                {entry.detail && <span className="top-detail">{entry.detail}</span>}{" "}
                <span className="top-bar" aria-hidden="true">
                  <span style={{ width: `${(entry.count / largest) * 100}%`, background: entry.color ?? "var(--accent)" }} />
                </span>
                <span className="top-count">{entry.count.toLocaleString("en")}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </figure>
  );
}
