"use client";

import { flexRender, useTable, type SortingState } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useId, useMemo, type ReactNode } from "react";
import { CAUSES } from "@/lib/rules";
import type { CallListItem, CallPage, ColumnId } from "@/lib/explorer";
import { ALL_COLUMNS, CALL_TABLE_COLUMNS, callHref, COLUMN_TITLES, features, SORT_FIELD, useDefaultColumns } from "./call-columns";
import { CALLS_TABLE_ID } from "./anchors";
import { CallsPager } from "./calls-pager";
import { ColumnChooser } from "./column-chooser";
import { useExplorerUrl } from "./use-explorer-url";
import { useKeyboardRows } from "./use-keyboard-rows";

/**
 * The calls of the current view. `sort`, `columns` and `limit` are the view's
 * own (as the server applied them, a bad value in the URL set aside); a
 * change is written to the URL. PostgreSQL does the sorting and paging
 * (manualSorting), the table only renders. `empty` is what it says when
 * the view has no call.
 */
export function CallsTable({
  page,
  sort,
  columns: visible,
  limit,
  empty,
}: {
  page: CallPage;
  sort: string;
  columns: readonly ColumnId[] | undefined;
  limit: number;
  empty: ReactNode;
}) {
  const url = useExplorerUrl();
  const router = useRouter();
  const defaults = useDefaultColumns();
  const shown: readonly string[] = visible ?? defaults;

  const sorting: SortingState = useMemo(() => {
    const field = sort.replace(/^-/, "");
    const id = Object.keys(SORT_FIELD).find((key) => SORT_FIELD[key] === field) ?? "time";
    return [{ id, desc: sort.startsWith("-") }];
  }, [sort]);
  const columnVisibility = useMemo(() => Object.fromEntries(ALL_COLUMNS.map((id) => [id, shown.includes(id)])), [shown]);

  const table = useTable({
    features,
    columns: CALL_TABLE_COLUMNS,
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
      // A choice is kept as made, at any width, unless it is what this width shows anyway.
      const ids = ALL_COLUMNS.filter((id) => next[id] !== false);
      url.setValues("columns", ids.join() === defaults.join() ? [] : ids);
    },
  });

  const open = (callId: string) => router.push(callHref(callId, url.params));
  const rows = useKeyboardRows(page.items, (call) => open(call.callId));
  const selectedCall = page.items[rows.selected];
  const descriptionId = useId();
  const choices = table.getAllLeafColumns().map((column) => ({
    id: column.id,
    title: COLUMN_TITLES[column.id as ColumnId],
    visible: column.getIsVisible(),
    toggle: () => column.toggleVisibility(),
  }));
  return (
    <section className="table-card" aria-label="Calls" aria-busy={url.pending}>
      <div className="table-toolbar">
        <p className="table-total">
          <strong data-testid="total">{page.total.toLocaleString("en")}</strong> {page.total === 1 ? "call" : "calls"}
          {url.pending && <span className="loading-dot" aria-label="Loading" />}
        </p>
        <ColumnChooser columns={choices} />
      </div>
      {/* Focusable, so that "Skip to calls" lands here and the arrow keys scroll a wide table. */}
      <div className="table-scroll" id={CALLS_TABLE_ID} tabIndex={-1}>
        <table className="calls-table table-cards">
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
          <tbody ref={rows.body}>
            {table.getRowModel().rows.map((row, index) => (
              <tr
                key={row.id}
                data-call-id={row.id}
                {...rows.rowProps(index)}
                aria-describedby={index === rows.selected ? descriptionId : undefined}
                className={row.original.rejected ? "rejected-row" : undefined}
                onClick={(event) => {
                  if (!(event.target instanceof HTMLElement && event.target.closest("a"))) open(row.id);
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  // On a narrow screen's card (globals.css) a cell goes in the area named as its column, some after its column's title (data-label).
                  <td
                    key={cell.id}
                    className={`col-${cell.column.id}`}
                    style={{ gridArea: cell.column.id }}
                    data-label={TITLED_ON_CARD.has(cell.column.id) ? COLUMN_TITLES[cell.column.id as ColumnId] : undefined}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {page.items.length === 0 && empty}
      </div>
      {/* Read out with the focused row's cells, which alone do not say where in the list it is or what Enter does. */}
      <p className="visually-hidden" id={descriptionId}>
        {selectedCall && describeSelection(selectedCall, rows.selected, page.items.length)}
      </p>
      <CallsPager page={page} limit={limit} />
    </section>
  );
}

/** The cells a call's card shows after their column's title: names alone would not tell an API from an app. */
const TITLED_ON_CARD = new Set<string>(["api", "app", "interceptor"] satisfies ColumnId[]);

/** What a screen reader adds when j or k moves the focus to a row. */
function describeSelection(call: CallListItem, index: number, count: number): string {
  const request = [call.method, call.uri ?? call.callId].filter(Boolean).join(" ");
  const outcome = [call.status ?? "no response", call.cause ? CAUSES[call.cause].title : "not rejected"].join(", ");
  return `Row ${index + 1} of ${count}: ${request}, ${outcome}. Enter opens it.`;
}
