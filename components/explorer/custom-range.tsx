"use client";

import { useId, useState, type ClipboardEvent } from "react";
import { timeZoneOf, useZoneChoice } from "@/components/calls/display-zone";
import { PopoverForm } from "@/components/layout/popover-form";
import { setFixedTimes } from "@/lib/explorer/explorer-href";
import { inputValueOf, instantOf, pastedInputValue, todayInputValues } from "./time-input";
import { useExplorerUrl } from "./use-explorer-url";

/**
 * "Custom…": calls between two times typed in, in the zone the dashboard
 * shows (UTC or the browser's). Either end may stay open. It replaces a
 * relative range, as a zoom on the chart does. A time copied from a trace
 * line can be pasted into either field, and "Today" fills in midnight to now
 * (a relative range could not be "today": where a day starts depends on the
 * zone, which the URL does not carry).
 */
export function CustomRange() {
  const url = useExplorerUrl();
  const timeZone = timeZoneOf(useZoneChoice());
  const [problem, setProblem] = useState<string | null>(null);
  const from = url.params.get("from");
  const to = url.params.get("to");

  const hint = useId();

  // A datetime-local field takes no pasted text of its own: a trace's time is read here instead.
  const pasteTime = (event: ClipboardEvent<HTMLInputElement>) => {
    const value = pastedInputValue(event.clipboardData.getData("text"), timeZone);
    event.preventDefault();
    if (value === null) return setProblem("Paste a time as a trace line writes it, such as 2026-11-20T14:03:11.482Z or 2026-11-20 14:03:11,482.");
    setProblem(null);
    event.currentTarget.value = value;
  };

  const fillToday = (form: HTMLFormElement | null) => {
    const today = todayInputValues(new Date(), timeZone);
    for (const end of ["from", "to"] as const) {
      const field = form?.elements.namedItem(end);
      if (field instanceof HTMLInputElement) field.value = today[end];
    }
  };

  const apply = (form: FormData, close: () => void) => {
    const chosen = { from: instantOf(String(form.get("from") ?? ""), timeZone), to: instantOf(String(form.get("to") ?? ""), timeZone) };
    if (chosen.from !== null && chosen.to !== null && chosen.from >= chosen.to) return setProblem("“From” must be before “To”.");
    setProblem(null);
    close();
    url.navigate((next) => setFixedTimes(next, chosen));
  };

  return (
    <PopoverForm className="custom-range" summary="Custom…" current={from !== null || to !== null} label="Custom time range" onSubmit={(form, close) => apply(new FormData(form), close)}>
      <label>
        From
        <input type="datetime-local" name="from" step="0.001" defaultValue={inputValueOf(from, timeZone)} onPaste={pasteTime} aria-describedby={hint} />
      </label>
      <label>
        To
        <input type="datetime-local" name="to" step="0.001" defaultValue={inputValueOf(to, timeZone)} onPaste={pasteTime} aria-describedby={hint} />
      </label>
      <button type="button" className="button custom-range-today" onClick={(event) => fillToday(event.currentTarget.form)}>
        Today
      </button>
      <p className="muted" id={hint}>
        {timeZone === "UTC" ? "Times in UTC." : "Times in your time zone."} Leave one empty for no limit on that side. A time copied from a trace line
        can be pasted in.
      </p>
      {problem !== null && <p role="alert">{problem}</p>}
      <button type="submit" className="button primary">
        Apply
      </button>
    </PopoverForm>
  );
}
