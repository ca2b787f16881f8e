import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False while the server renders and during hydration, true after: what only
 * the browser knows (its time zone, its file picker) shows from then on
 * without a hydration mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
