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

  /**
   * Filter in (`key`) or out (`not_key`) one value, undoing the opposite.
   * `sameAs`: other [parameter, value] spellings of the same filter (given
   * filtering in), taken off with it; a click on a filter that is on under
   * any spelling turns it off.
   */
  const toggleValue = useCallback(
    (key: string, value: string, sameAs: ReadonlyArray<readonly [string, string]> = []) =>
      navigate((next) => {
        const out = key.startsWith("not_");
        const spellings = [[out ? key.slice(4) : key, value] as const, ...sameAs];
        const on = spellings.some(([name, item]) => next.has(out ? `not_${name}` : name, item));
        for (const [name, item] of spellings) {
          next.delete(name, item);
          next.delete(`not_${name}`, item);
        }
        if (!on) next.append(key, value);
      }),
    [navigate],
  );

  return { params, pending, navigate, values, setValues, toggleValue };
}
