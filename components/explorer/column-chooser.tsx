"use client";

import { useEffect, useRef, useState } from "react";

export type ColumnChoice = { id: string; title: string; visible: boolean; toggle: () => void };

/**
 * The Columns menu: a <details>, so it opens without script, closed again
 * (as a menu is) by Escape, which gives the focus back to its button, and by
 * a click anywhere outside it.
 */
export function ColumnChooser({ columns }: { columns: ColumnChoice[] }) {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const close = () => {
      if (details.current) details.current.open = false;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      close();
      details.current?.querySelector("summary")?.focus();
    };
    // pointerdown, not click: a press outside that ends in a drag still closes it, as it would close a native menu.
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !details.current?.contains(event.target)) close();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);
  return (
    <details className="column-chooser" ref={details} onToggle={(event) => setOpen(event.currentTarget.open)}>
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
