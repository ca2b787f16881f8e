import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TraceView } from "@/components/call/trace-view";
import { TimeZoneName } from "@/components/calls/local-time";
import { database } from "@/lib/database";
import { EventsPager } from "@/components/uploads/events-pager";
import { eventsPageOfUrl, readUploadEvents } from "@/lib/explorer";
import { readUpload } from "@/lib/ingest";
import { UploadSummary } from "@/components/uploads/upload-summary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upload" };

type Props = { params: Promise<{ uploadId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * An upload: what it brought, and its gateway events, a page of them: the
 * lines that name no call (a node restarting, a token store unreachable).
 */
export default async function UploadPage({ params, searchParams }: Props) {
  const uploadId = (await params).uploadId;
  const [upload, found] = await Promise.all([readUpload(database(), uploadId), readUploadEvents(database(), uploadId, eventsPageOfUrl(await searchParams))]);
  if (upload === null || found === null) notFound();
  const { total, events } = found;
  return (
    <>
      <p>
        <Link href="/uploads">← Uploads</Link>
      </p>
      <div className="page-heading">
        <h1>Upload {upload.name}</h1>
      </div>
      <UploadSummary upload={upload} />
      <section className="card" aria-label="Gateway events">
        <h2>Gateway events</h2>
        <p className="muted">
          Lines that name no call: what the gateway itself logged, such as a node reloading its APIs or a token store it could not reach. A burst of
          rejections often starts with one. Times are in <TimeZoneName /> (the header&apos;s <strong>Local | UTC</strong>).
        </p>
        {total === 0 ? (
          <p>This upload has no gateway events.</p>
        ) : (
          <>
            <TraceView trace={events} aroundLinks />
            {/* The first page's link is the upload's plain one. */}
            <EventsPager page={found} href={(cursor) => `/uploads/${upload.id}${cursor === "0" ? "" : `?cursor=${cursor}`}`} order="in trace order" />
          </>
        )}
      </section>
    </>
  );
}
