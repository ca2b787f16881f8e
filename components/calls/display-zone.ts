"use client";

import { useSyncExternalStore } from "react";

/** Where the dashboard's times are shown: the browser's zone, or UTC as the gateways write them. */
export type ZoneChoice = "local" | "utc";

const STORAGE_KEY = "tracelens.time-zone";
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab choosing changes this one too.
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

const stored = (): ZoneChoice => (window.localStorage.getItem(STORAGE_KEY) === "utc" ? "utc" : "local");

export function chooseZone(choice: ZoneChoice): void {
  window.localStorage.setItem(STORAGE_KEY, choice);
  for (const listener of listeners) listener();
}

/**
 * The zone chosen in this browser (kept across visits), or null while the
 * server renders and during hydration: the server cannot know it, and shows UTC.
 */
export function useZoneChoice(): ZoneChoice | null {
  return useSyncExternalStore(subscribe, stored, () => null);
}

/** The IANA zone to format in for a choice: undefined is the browser's own. */
export const timeZoneOf = (choice: ZoneChoice | null): "UTC" | undefined => (choice === "local" ? undefined : "UTC");
