"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { useExplorerNavigation } from "./explorer-navigation";

/**
 * The explorer's state is its URL: every control reads the search params and
 * writes new ones (a history entry each, so Back and Forward move between
 * views). Any change of view starts again at the first page.
 */
export function useExplorerUrl() {
  const params = useSearchParams();
  const { pending, navigate } = useExplorerNavigation();

  const values = useCallback((key: string) => params.getAll(key), [params]);

  const setValues = useCallback(
    (key: string, list: readonly string[]) =>
      navigate((next) => {
        next.delete(key);
        for (const value of list) next.append(key, value);
      }),
    [navigate],
  );

  /** Filter in (`key`) or out (`not_key`) one value, undoing the opposite. */
  const toggleValue = useCallback(
    (key: string, value: string) =>
      navigate((next) => {
        const opposite = key.startsWith("not_") ? key.slice(4) : `not_${key}`;
        const current = next.getAll(key);
        next.delete(key);
        for (const item of current) if (item !== value) next.append(key, item);
        if (!current.includes(value)) next.append(key, value);
        const others = next.getAll(opposite).filter((item) => item !== value);
        next.delete(opposite);
        for (const item of others) next.append(opposite, item);
      }),
    [navigate],
  );

  return { params, pending, navigate, values, setValues, toggleValue };
}
