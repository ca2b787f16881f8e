"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { columnVisibilityFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { CauseBadge } from "@/components/calls/cause-badge";
import { LocalTime, TimeZoneName } from "@/components/calls/local-time";
import { StatusBadge } from "@/components/calls/status-badge";
import { useMediaQuery } from "@/components/layout/use-media-query";
import type { CallListItem, ColumnId } from "@/lib/explorer";
import { CALL_COLUMNS, FROM_VIEW, ON_REQUEST_COLUMNS } from "@/lib/explorer/fields";

export const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
type Column = ColumnDef<typeof features, CallListItem>;

export const ALL_COLUMNS: string[] = CALL_COLUMNS.map(({ id }) => id);
/** What a wide table shows when the URL names no columns. */
const WIDE_COLUMNS: string[] = ALL_COLUMNS.filter((id) => !ON_REQUEST_COLUMNS.has(id as ColumnId));
/**
 * Where a table is drawn (wider than a phone, whose calls are cards) but is
 * too narrow for all nine columns: 1280 px leaves the table under 1,000 px.
 */
const CROWDED_TABLE_QUERY = "(641px <= width < 1600px)";
/** What a crowded table shows when the URL names no columns: the method and the interceptor give way to the request, the cause and the credential. */
const CROWDED_COLUMNS: string[] = WIDE_COLUMNS.filter((id) => id !== "method" && id !== "interceptor");
/** Narrower still, under the seven columns' 880 px: the facets are folded above the table already (globals.css). */
const NARROW_TABLE_QUERY = "(641px <= width < 960px)";
/** The API and the app give way too: the facets and the Top charts count them, and a call's page names them. */
const NARROW_COLUMNS: string[] = CROWDED_COLUMNS.filter((id) => id !== "api" && id !== "app");

/** The columns the calls table shows when the URL names none, for the width at hand. */
export function useDefaultColumns(): string[] {
  // Crowded while the server renders, which cannot know the width: most screens are, and on the others columns join or leave once the page is live.
  const crowded = useMediaQuery(CROWDED_TABLE_QUERY, true);
  const narrow = useMediaQuery(NARROW_TABLE_QUERY, false);
  if (narrow) return NARROW_COLUMNS;
  return crowded ? CROWDED_COLUMNS : WIDE_COLUMNS;
}
export const COLUMN_TITLES = Object.fromEntries(CALL_COLUMNS.map(({ id, title }) => [id, title])) as Record<ColumnId, string>;
/** The URL's sort field for each column (the credential column sorts by `name`). */
export const SORT_FIELD: Record<string, string> = Object.fromEntries(CALL_COLUMNS.map(({ id, sortBy }) => [id, sortBy]));

/** A call's page, told the explorer view it is opened from, so that its "← Calls" returns there. */
export function callHref(callId: string, view: URLSearchParams): string {
  const path = `/calls/${encodeURIComponent(callId)}`;
  return view.size > 0 ? `${path}?${new URLSearchParams({ [FROM_VIEW]: view.toString() })}` : path;
}

/** How each column of the calls table shows a call. */
export const CALL_TABLE_COLUMNS: Column[] = [
  { id: "time", header: () => <>{COLUMN_TITLES.time} <TimeZoneName /></>, accessorFn: (call) => call.time, cell: ({ row }) => <LocalTime iso={row.original.time} /> },
  { id: "status", header: COLUMN_TITLES.status, accessorFn: (call) => call.status, cell: ({ row }) => <StatusBadge status={row.original.status} noResponse="—" /> },
  { id: "method", header: COLUMN_TITLES.method, accessorFn: (call) => call.method, cell: ({ row }) => <span className="mono">{row.original.method ?? "—"}</span> },
  { id: "uri", header: COLUMN_TITLES.uri, accessorFn: (call) => call.uri, cell: ({ row }) => <CallLink call={row.original} /> },
  { id: "api", header: COLUMN_TITLES.api, accessorFn: (call) => call.api, cell: ({ row }) => row.original.api ?? <span className="muted">—</span> },
  { id: "app", header: COLUMN_TITLES.app, accessorFn: (call) => call.app, cell: ({ row }) => row.original.app ?? <span className="muted">—</span> },
  { id: "agent", header: COLUMN_TITLES.agent, accessorFn: (call) => call.userAgent, cell: ({ row }) => row.original.userAgent ?? <span className="muted">—</span> },
  { id: "cause", header: COLUMN_TITLES.cause, accessorFn: (call) => call.cause, cell: ({ row }) => <CauseBadge cause={row.original.cause} /> },
  { id: "credential", header: COLUMN_TITLES.credential, accessorFn: (call) => call.credential?.name, cell: ({ row }) => <CredentialCell call={row.original} /> },
  { id: "interceptor", header: COLUMN_TITLES.interceptor, accessorFn: (call) => call.interceptor, cell: ({ row }) => row.original.interceptor ?? <span className="muted">—</span> },
];

function CallLink({ call }: { call: CallListItem }) {
  const view = useSearchParams();
  return (
    <Link className="uri-link mono" href={callHref(call.callId, view)} title={call.uri ?? call.callId}>
      {call.uri ?? call.callId}
    </Link>
  );
}

function CredentialCell({ call }: { call: CallListItem }) {
  const credential = call.credential;
  if (!credential) return <span className="muted">—</span>;
  return (
    <>
      <span className="mono">{credential.name}</span>
      <span className="muted"> in {credential.location}</span>
      {credential.preview && (
        <>
          {" "}
          <span className="credential-preview mono">{credential.preview}</span>
        </>
      )}
    </>
  );
}
