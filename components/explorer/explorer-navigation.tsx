"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useTransition, type ReactNode } from "react";

type Navigate = (edit: (next: URLSearchParams) => void, options?: { keepCursor?: boolean }) => void;
type ExplorerNavigation = { pending: boolean; navigate: Navigate };

const Navigation = createContext<ExplorerNavigation | null>(null);

/**
 * One change of view at a time for the whole explorer: every control moves
 * through the same transition, so whichever started it, the table and the
 * heading show that the view is loading.
 */
export function ExplorerNavigationProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const shown = useSearchParams();
  const [pending, startTransition] = useTransition();
  // While a view is loading the URL still shows the one before it: a second
  // change (a facet clicked during a search) must build on the view asked
  // for, or the first change is lost.
  const requested = useRef<string | null>(null);
  // Read when a change is made, not when the control that makes it rendered:
  // a search that awaits an answer first must build on a facet clicked meanwhile.
  const latest = useRef({ pending, shown });
  useEffect(() => {
    latest.current = { pending, shown };
  }, [pending, shown]);

  const navigate = useCallback<Navigate>(
    (edit, { keepCursor = false } = {}) => {
      const { pending, shown } = latest.current;
      const next = new URLSearchParams(pending && requested.current !== null ? requested.current : shown.toString());
      edit(next);
      if (!keepCursor) next.delete("cursor");
      const query = next.toString();
      requested.current = query;
      startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [pathname, router],
  );

  const value = useMemo(() => ({ pending, navigate }), [pending, navigate]);
  return <Navigation value={value}>{children}</Navigation>;
}

export function useExplorerNavigation(): ExplorerNavigation {
  const navigation = useContext(Navigation);
  if (!navigation) throw new Error("explorer controls must be inside ExplorerNavigationProvider");
  return navigation;
}

/** Says, beside the page's title, that a new view is on its way. */
export function ExplorerLoading() {
  const { pending } = useExplorerNavigation();
  return (
    <span className="explorer-loading" role="status">
      {pending && (
        <>
          <span className="loading-dot" aria-hidden="true" />
          Loading…
        </>
      )}
    </span>
  );
}
