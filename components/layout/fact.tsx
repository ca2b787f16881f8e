import type { ReactNode } from "react";

/** A labelled fact of a `dl.fact-list`; nothing when there is no value to show. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
