import { z } from "zod";
import { explorerPath } from "./explorer-href";
import { FROM_VIEW } from "./fields";

const fromView = z.object({ [FROM_VIEW]: z.string().max(4000).optional().catch(undefined) });

/**
 * Where a call page's "← Calls" leads: the explorer view the call was opened
 * from, else the explorer. Only ever a query on the explorer's own path, so a
 * crafted link cannot lead anywhere else.
 */
export function explorerViewHref(searchParams: Record<string, string | string[] | undefined>): string {
  return explorerPath(new URLSearchParams(fromView.parse(searchParams)[FROM_VIEW]));
}
