"use client";

import { useEffect, useRef, useState, type FocusEvent, type RefObject } from "react";
import { isPageKey } from "./keyboard";

export type KeyboardRows = {
  /** The selected row's index, -1 for none. */
  selected: number;
  /** The table body whose rows (in the order of `rows`) take the focus. */
  body: RefObject<HTMLTableSectionElement | null>;
  /** What row `index` needs to take part: a roving tabindex and its selection. */
  rowProps: (index: number) => { tabIndex: number; "aria-selected": boolean; onFocus: (event: FocusEvent<HTMLElement>) => void };
};

/**
 * j/k move the selection through the rows, and the focus with it (a roving
 * tabindex), so that a screen reader reads the row out and Enter reaches the
 * row rather than whatever control was focused before (a facet just
 * clicked). Enter opens the selected row; a row focused by Tab or a click is
 * selected too. A new list of rows starts with none selected, so a row of the
 * view before is not carried over to whichever row took its place.
 */
export function useKeyboardRows<Row>(rows: Row[], open: (row: Row) => void): KeyboardRows {
  const [selection, setSelection] = useState({ rows, index: -1 });
  const selected = selection.rows === rows ? selection.index : -1;
  const body = useRef<HTMLTableSectionElement>(null);
  // Only j/k move the focus: a new list of rows leaves it where the user put it.
  const moved = useRef(false);
  // The latest opener, without re-binding the key listener on every render.
  const opener = useRef(open);
  opener.current = open;
  useEffect(() => {
    const move = (step: number) => {
      moved.current = true;
      setSelection((last) => ({ rows, index: Math.min(Math.max((last.rows === rows ? last.index : -1) + step, 0), rows.length - 1) }));
    };
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
    if (!moved.current) return;
    moved.current = false;
    const row = body.current?.rows[selected];
    // "nearest": a row already in view stays put instead of jumping to the top.
    row?.focus({ preventScroll: true });
    row?.scrollIntoView({ block: "nearest" });
  }, [selected]);
  const rowProps = (index: number) => ({
    // With none selected the first row is the table's one stop for Tab.
    tabIndex: index === Math.max(selected, 0) ? 0 : -1,
    "aria-selected": index === selected,
    onFocus: (event: FocusEvent<HTMLElement>) => {
      // Not when a link inside the row takes the focus: it keeps it.
      if (event.target === event.currentTarget) setSelection({ rows, index });
    },
  });
  return { selected, body, rowProps };
}
