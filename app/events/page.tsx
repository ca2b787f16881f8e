import type { Metadata } from "next";
import { TraceView } from "@/components/call/trace-view";
import { TimeZoneName } from "@/components/calls/local-time";
import { EventsFilterBar } from "@/components/events/events-filter-bar";
import { ExplorerLoading, ExplorerNavigationProvider } from "@/components/explorer/explorer-navigation";
import { EventsPager } from "@/components/uploads/events-pager";
import { database } from "@/lib/database";
import { listGatewayEvents, parseEventFiltersLeniently } from "@/lib/explorer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Gateway events" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Every upload's gateway events (lines that name no call: a node reloading
 * its APIs, a token store unreachable), newest first, narrowed by level,
 * text and time in the URL, as a log tool's search is.
 */
export default async function GatewayEventsPage({ searchParams }: Props) {
  const { filters, ignored, applied } = parseEventFiltersLeniently(await searchParams);
  const page = await listGatewayEvents(database(), filters);
  const href = (cursor: string) => {
    const query = new URLSearchParams(applied);
    if (cursor === "0") query.delete("cursor");
    else query.set("cursor", cursor);
    return query.size > 0 ? `/events?${query}` : "/events";
  };
  return (
    <ExplorerNavigationProvider>
      <div className="page-heading">
        <div className="page-title">
          <h1>Gateway events</h1>
          <ExplorerLoading />
        </div>
      </div>
      <p className="muted">
        Lines of every upload that name no call, newest first: what the gateway itself logged, such as a node reloading its APIs or a token store it could
        not reach. A line that overlapping files hold is listed once. Times are in <TimeZoneName /> (the header&apos;s <strong>Local | UTC</strong>).
      </p>
      <EventsFilterBar ignored={ignored} />
      <section className="card" aria-label="Events">
        {page.total === 0 ? (
          <p>No gateway events match these filters. Remove a filter or widen the time range.</p>
        ) : (
          <>
            <TraceView trace={page.events} aroundLinks />
            <EventsPager page={page} href={href} order="newest first" />
          </>
        )}
      </section>
    </ExplorerNavigationProvider>
  );
}
