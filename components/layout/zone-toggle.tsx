"use client";

import { chooseZone, useZoneChoice, type ZoneChoice } from "@/components/calls/display-zone";

const CHOICES: ReadonlyArray<[ZoneChoice, string]> = [
  ["local", "Local"],
  ["utc", "UTC"],
];

/** Shows every time of the dashboard in the browser's zone or in UTC, the zone gateways write their traces in. */
export function ZoneToggle() {
  const choice = useZoneChoice();
  return (
    <div className="segmented zone-toggle" role="group" aria-label="Show times in">
      {CHOICES.map(([value, label]) => (
        <button key={value} type="button" aria-pressed={choice === value} disabled={choice === null} onClick={() => chooseZone(value)}>
          {label}
        </button>
      ))}
    </div>
  );
}
