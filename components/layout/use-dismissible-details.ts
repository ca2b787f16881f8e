"use client";

import { useEffect, useRef, useState, type RefObject, type SyntheticEvent } from "react";

/**
 * A <details> used as a menu or popover: it opens without script, and is
 * closed again, as a menu is, by Escape (which gives the focus back to its
 * summary) and by a press anywhere outside it. Spread `onToggle` on the
 * element along with the ref; `close` closes it from inside (after a choice).
 */
export function useDismissibleDetails(): { ref: RefObject<HTMLDetailsElement | null>; open: boolean; onToggle: (event: SyntheticEvent<HTMLDetailsElement>) => void; close: () => void } {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => {
    if (ref.current) ref.current.open = false;
  };
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      close();
      ref.current?.querySelector("summary")?.focus();
    };
    // pointerdown, not click: a press outside that ends in a drag still closes it, as it would close a native menu.
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !ref.current?.contains(event.target)) close();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);
  return { ref, open, onToggle: (event) => setOpen(event.currentTarget.open), close };
}
