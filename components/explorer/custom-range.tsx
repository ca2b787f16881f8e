"use client";

import { useState } from "react";
import { timeZoneOf, useZoneChoice } from "@/components/calls/display-zone";
import { PopoverForm } from "@/components/layout/popover-form";
import { setFixedTimes } from "@/lib/explorer/explorer-href";
import { inputValueOf, instantOf } from "./time-input";
import { useExplorerUrl } from "./use-explorer-url";

/**
 * "Custom…": calls between two times typed in, in the zone the dashboard
 * shows (UTC or the browser's). Either end may stay open. It replaces a
 * relative range, as a zoom on the chart does.
 */
export function CustomRange() {
  const url = useExplorerUrl();
  const timeZone = timeZoneOf(useZoneChoice());
  const [problem, setProblem] = useState<string | null>(null);
  const from = url.params.get("from");
  const to = url.params.get("to");

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
        <input type="datetime-local" name="from" step="0.001" defaultValue={inputValueOf(from, timeZone)} />
      </label>
      <label>
        To
        <input type="datetime-local" name="to" step="0.001" defaultValue={inputValueOf(to, timeZone)} />
      </label>
      <p className="muted">{timeZone === "UTC" ? "Times in UTC." : "Times in your time zone."} Leave one empty for no limit on that side.</p>
      {problem !== null && <p role="alert">{problem}</p>}
      <button type="submit" className="button primary">
        Apply
      </button>
    </PopoverForm>
  );
}
