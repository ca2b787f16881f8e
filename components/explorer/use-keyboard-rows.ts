"use client";

import { useEffect, useRef, useState } from "react";
import { isPageKey } from "./keyboard";

/**
 * j/k move through rows, Enter opens the selected one; returns the selected
 * index (-1 for none). A new list of rows starts with none selected, so a
 * row of the view before is not carried over to whichever row took its place.
 */
export function useKeyboardRows<Row>(rows: Row[], open: (row: Row) => void): number {
  const [selection, setSelection] = useState({ rows, index: -1 });
  const selected = selection.rows === rows ? selection.index : -1;
  // The latest opener, without re-binding the key listener on every render.
  const opener = useRef(open);
  opener.current = open;
  useEffect(() => {
    const move = (step: number) => setSelection((last) => ({ rows, index: Math.min(Math.max((last.rows === rows ? last.index : -1) + step, 0), rows.length - 1) }));
    const onKey = (event: KeyboardEvent) => {
      if (!isPageKey(event)) return;
      if (event.key === "j") move(1);
      else if (event.key === "k") move(-1);
      else if (event.key === "Enter" && rows[selected]) opener.current(rows[selected]);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rows, selected]);
  useEffect(() => {
    if (selected >= 0) document.querySelectorAll("tbody tr")[selected]?.scrollIntoView({ block: "nearest" });
  }, [selected]);
  return selected;
}
