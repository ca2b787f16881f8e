"use client";

import type { ReactNode } from "react";
import { useDismissibleDetails } from "./use-dismissible-details";

/**
 * A button that opens a small form over the page (Custom…, Find
 * credential…): a <details> closed as a menu is (useDismissibleDetails),
 * whose form is drawn only while open. `onSubmit` is handed the form, and
 * `close` for when it is done with it. `current` marks the button as
 * standing for what the view shows now.
 */
export function PopoverForm({
  className,
  summary,
  current = false,
  label,
  onSubmit,
  children,
}: {
  className: string;
  summary: string;
  current?: boolean;
  label: string;
  onSubmit: (form: HTMLFormElement, close: () => void) => void;
  children: ReactNode;
}) {
  const { ref, open, onToggle, close } = useDismissibleDetails();
  return (
    <details className={`popover ${className}`} ref={ref} onToggle={onToggle}>
      <summary className="button" aria-current={current ? "true" : undefined}>
        {summary}
      </summary>
      {open && (
        <form
          className="menu popover-form"
          aria-label={label}
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit(event.currentTarget, close);
          }}
        >
          {children}
        </form>
      )}
    </details>
  );
}
