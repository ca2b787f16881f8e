"use client";

import { columnVisibilityFeature, flexRender, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { CauseBadge } from "@/components/calls/cause-badge";
import { CAUSES } from "@/lib/rules";
import { LocalTime, TimeZoneName } from "@/components/calls/local-time";
import { StatusBadge } from "@/components/calls/status-badge";
import type { CallListItem, CallPage, ColumnId } from "@/lib/explorer";
import { CALL_COLUMNS, FROM_VIEW } from "@/lib/explorer/fields";
import { isPageKey } from "./keyboard";
import { useExplorerUrl } from "./use-explorer-url";

const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
type Column = ColumnDef<typeof features, CallListItem>;

const DEFAULT_COLUMNS: string[] = CALL_COLUMNS.map(({ id }) => id);
const COLUMN_TITLES = Object.fromEntries(CALL_COLUMNS.map(({ id, title }) => [id, title])) as Record<ColumnId, string>;
const SORT_FIELD: Record<string, string> = Object.fromEntries(CALL_COLUMNS.map(({ id, sortBy }) => [id, sortBy]));

/** A call's page, told the explorer view it is opened from, so that its "← Calls" returns there. */
function callHref(callId: string, view: URLSearchParams): string {
  const path = `/calls/${encodeURIComponent(callId)}`;
  return view.size > 0 ? `${path}?${new URLSearchParams({ [FROM_VIEW]: view.toString() })}` : path;
}

const columns: Column[] = [
  { id: "time", header: () => <>{COLUMN_TITLES.time} <TimeZoneName /></>, accessorFn: (call) => call.time, cell: ({ row }) => <LocalTime iso={row.original.time} /> },
  { id: "status", header: COLUMN_TITLES.status, accessorFn: (call) => call.status, cell: ({ row }) => <StatusBadge status={row.original.status} noResponse="—" /> },
  { id: "method", header: COLUMN_TITLES.method, accessorFn: (call) => call.method, cell: ({ row }) => <span className="mono">{row.original.method ?? "—"}</span> },
  {
    id: "uri",
    header: COLUMN_TITLES.uri,
    accessorFn: (call) => call.uri,
    cell: ({ row }) => <CallLink call={row.original} />,
  },
  { id: "api", header: COLUMN_TITLES.api, accessorFn: (call) => call.api, cell: ({ row }) => row.original.api ?? <span className="muted">—</span> },
  { id: "app", header: COLUMN_TITLES.app, accessorFn: (call) => call.app, cell: ({ row }) => row.original.app ?? <span className="muted">—</span> },
  { id: "cause", header: COLUMN_TITLES.cause, accessorFn: (call) => call.cause, cell: ({ row }) => <CauseBadge cause={row.original.cause} /> },
  { id: "credential", header: COLUMN_TITLES.credential, accessorFn: (call) => call.credential?.name, cell: ({ row }) => <CredentialCell call={row.original} /> },
  { id: "interceptor", header: COLUMN_TITLES.interceptor, accessorFn: (call) => call.interceptor, cell: ({ row }) => row.original.interceptor ?? <span className="muted">—</span> },
];

/**
 * The calls of the current view. `sort` and `columns` are the view's own (as
 * the server applied them, a bad value in the URL set aside); a change is
 * written to the URL. PostgreSQL does the sorting and paging (manualSorting),
 * the table only renders.
 */
export function CallsTable({ page, sort, columns: visible }: { page: CallPage; sort: string; columns: readonly ColumnId[] | undefined }) {
  const url = useExplorerUrl();
  const router = useRouter();
  const shown: readonly string[] = visible ?? DEFAULT_COLUMNS;

  const sorting: SortingState = useMemo(() => {
    const field = sort.replace(/^-/, "");
    const id = Object.keys(SORT_FIELD).find((key) => SORT_FIELD[key] === field) ?? "time";
    return [{ id, desc: sort.startsWith("-") }];
  }, [sort]);
  const columnVisibility = useMemo(() => Object.fromEntries(DEFAULT_COLUMNS.map((id) => [id, shown.includes(id)])), [shown]);

  const table = useTable({
    features,
    columns,
    data: page.items,
    getRowId: (call) => call.callId,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      if (first) url.setValues("sort", [`${first.desc ? "-" : ""}${SORT_FIELD[first.id] ?? "time"}`]);
    },
    onColumnVisibilityChange: (updater) => {
      const next = typeof updater === "function" ? updater(columnVisibility) : updater;
      const ids = DEFAULT_COLUMNS.filter((id) => next[id] !== false);
      url.setValues("columns", ids.length === DEFAULT_COLUMNS.length ? [] : ids);
    },
  });

  const selected = useKeyboardRows(page.items, (call) => router.push(callHref(call.callId, url.params)));
  return (
    <section className="table-card" aria-label="Calls" aria-busy={url.pending}>
      <div className="table-toolbar">
        <p className="table-total">
          <strong data-testid="total">{page.total.toLocaleString("en")}</strong> {page.total === 1 ? "call" : "calls"}
          {url.pending && <span className="loading-dot" aria-label="Loading" />}
        </p>
        <details className="column-chooser">
          <summary className="button">Columns</summary>
          <div className="menu" role="group" aria-label="Visible columns">
            {table.getAllLeafColumns().map((column) => (
              <label key={column.id}>
                <input type="checkbox" checked={column.getIsVisible()} onChange={() => column.toggleVisibility()} />
                {COLUMN_TITLES[column.id as ColumnId]}
              </label>
            ))}
          </div>
        </details>
      </div>
      <div className="table-scroll">
        <table className="calls-table">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const direction = header.column.getIsSorted();
                  return (
                    <th key={header.id} aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none"} className={`col-${header.column.id}`}>
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span className="sort-mark" aria-hidden="true">{direction === "asc" ? "▲" : direction === "desc" ? "▼" : ""}</span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row, index) => (
              <tr
                key={row.id}
                data-call-id={row.id}
                aria-selected={index === selected}
                className={row.original.rejected ? "rejected-row" : undefined}
                onClick={(event) => {
                  if (!(event.target instanceof HTMLElement && event.target.closest("a"))) router.push(callHref(row.id, url.params));
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {page.items.length === 0 && <p className="table-empty">No calls match these filters. Remove a filter or widen the time range.</p>}
      </div>
      <p className="visually-hidden" role="status">
        {page.items[selected] && describeSelection(page.items[selected], selected, page.items.length)}
      </p>
      <nav className="pager" aria-label="Pages">
        <button type="button" className="button" disabled={!url.params.get("cursor")} onClick={() => url.navigate((next) => next.delete("cursor"))}>
          First page
        </button>
        <button
          type="button"
          className="button"
          // Its cursor belongs to the page shown: applied to a view still loading, it would skip into that view's middle.
          disabled={!page.nextCursor || url.pending}
          onClick={() => page.nextCursor && url.navigate((next) => next.set("cursor", page.nextCursor ?? ""), { keepCursor: true })}
        >
          Next page
        </button>
        <span className="muted keyboard-hint">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>/</kbd> search
        </span>
      </nav>
    </section>
  );
}

/** j/k move through rows, Enter opens the selected call. A new page of rows starts with none selected. */
function useKeyboardRows(calls: CallListItem[], open: (call: CallListItem) => void): number {
  const [selection, setSelection] = useState({ calls, index: -1 });
  const selected = selection.calls === calls ? selection.index : -1;
  const opener = useRef(open);
  opener.current = open;
  useEffect(() => {
    const move = (step: number) => setSelection((last) => ({ calls, index: Math.min(Math.max((last.calls === calls ? last.index : -1) + step, 0), calls.length - 1) }));
    const onKey = (event: KeyboardEvent) => {
      if (!isPageKey(event)) return;
      if (event.key === "j") move(1);
      else if (event.key === "k") move(-1);
      else if (event.key === "Enter" && calls[selected]) opener.current(calls[selected]);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [calls, selected]);
  useEffect(() => {
    if (selected >= 0) document.querySelectorAll("tbody tr")[selected]?.scrollIntoView({ block: "nearest" });
  }, [selected]);
  return selected;
}

/** What a screen reader says when j or k selects a row (the highlight alone is silent). */
function describeSelection(call: CallListItem, index: number, count: number): string {
  const request = [call.method, call.uri ?? call.callId].filter(Boolean).join(" ");
  const outcome = [call.status ?? "no response", call.cause ? CAUSES[call.cause].title : "not rejected"].join(", ");
  return `Row ${index + 1} of ${count} selected: ${request}, ${outcome}. Enter opens it.`;
}

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
    <span className="credential-cell" title={`${credential.name} in ${credential.location}${credential.preview ? ` ${credential.preview}` : ""}`}>
      <span className="credential-name mono">{credential.name}</span>
      <span className="muted"> in {credential.location}</span>
      {credential.preview && <span className="credential-preview mono"> {credential.preview}</span>}
    </span>
  );
}
