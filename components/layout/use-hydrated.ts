import { useSyncExternalStore } from "react";

// Nothing to subscribe to: the value is read once the browser renders, and then does not change.
const noSubscription = () => () => {};

/**
 * A value only the browser knows (its time zone, whether React is live),
 * `onServer` while the server renders and during hydration: no hydration
 * mismatch, and the browser's value from the next render on.
 */
export function useBrowserValue<T>(inBrowser: () => T, onServer: T): T {
  return useSyncExternalStore(noSubscription, inBrowser, () => onServer);
}

/**
 * False while the server renders and during hydration, true after: what only
 * the browser knows (its time zone, its file picker) shows from then on
 * without a hydration mismatch.
 */
export function useHydrated(): boolean {
  return useBrowserValue(() => true, false);
}
