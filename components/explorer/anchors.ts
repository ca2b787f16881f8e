/** The calls table's id: the target of the explorer's "Skip to calls" link (components/layout/skip-link.tsx). */
export const CALLS_TABLE_ID = "calls-table";
