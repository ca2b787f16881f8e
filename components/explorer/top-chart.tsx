"use client";

import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useExplorerUrl } from "./use-explorer-url";

export type TopEntry = { key: string; label: string; count: number; color?: string };

/** A ranked bar chart; clicking a bar filters the view to it (`param=key`). */
export function TopChart({ title, unit, entries, param }: { title: string; unit: string; entries: TopEntry[]; param: string }) {
  const url = useExplorerUrl();
  const height = 28 + entries.length * 26;
  return (
    <figure className="chart-card" aria-label={title}>
      <figcaption>
        <span>{title}</span>
        <span className="muted">{unit}</span>
      </figcaption>
      {entries.length === 0 ? (
        <p className="chart-empty">Nothing in this view.</p>
      ) : (
        <div className="chart-area" style={{ height }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={entries} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: "var(--text-muted)" }} />
              <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11, fill: "var(--text)" }} interval={0} />
              <Tooltip
                cursor={{ fill: "var(--accent-soft)" }}
                formatter={(value) => [`${value} ${unit}`, ""]}
                contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", fontSize: 12 }}
              />
              <Bar dataKey="count" isAnimationActive={false} cursor="pointer" onClick={(entry: { payload?: TopEntry }) => entry.payload && url.toggleValue(param, entry.payload.key)}>
                {entries.map((entry) => (
                  <Cell key={entry.key} fill={entry.color ?? "var(--accent)"} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
