"use client";

import { chooseZone, useZoneChoice, type ZoneChoice } from "@/components/calls/display-zone";
import { Segmented } from "./segmented";

const CHOICES: ReadonlyArray<readonly [ZoneChoice, string]> = [
  ["local", "Local"],
  ["utc", "UTC"],
];

/** Shows every time of the dashboard in the browser's zone or in UTC, the zone gateways write their traces in. */
export function ZoneToggle() {
  const choice = useZoneChoice();
  return <Segmented label="Show times in" className="zone-toggle" options={CHOICES} value={choice} onChange={chooseZone} disabled={choice === null} />;
}
