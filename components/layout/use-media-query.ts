import { useCallback, useSyncExternalStore } from "react";

/**
 * Whether the browser's window matches a media query, kept up to date as it
 * is resized; `onServer` while the server renders and during hydration, which
 * cannot know the window's size.
 */
export function useMediaQuery(query: string, onServer: boolean): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", changed);
      return () => list.removeEventListener("change", changed);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches, () => onServer);
}
