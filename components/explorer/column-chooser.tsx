"use client";

import { useDismissibleDetails } from "@/components/layout/use-dismissible-details";

export type ColumnChoice = { id: string; title: string; visible: boolean; toggle: () => void };

/** The Columns menu: opens without script, closes as a menu does (useDismissibleDetails). */
export function ColumnChooser({ columns }: { columns: ColumnChoice[] }) {
  const { ref, onToggle } = useDismissibleDetails();
  return (
    <details className="popover column-chooser" ref={ref} onToggle={onToggle}>
      <summary className="button">Columns</summary>
      <div className="menu" role="group" aria-label="Visible columns">
        {columns.map((column) => (
          <label key={column.id}>
            <input type="checkbox" checked={column.visible} onChange={column.toggle} />
            {column.title}
          </label>
        ))}
      </div>
    </details>
  );
}
