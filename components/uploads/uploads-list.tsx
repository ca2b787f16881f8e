"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { CAUSE_ORDER, CAUSES } from "@/lib/rules";
import { LocalTime, TimeSpan, TimeZoneName } from "@/components/calls/local-time";
import type { UploadListing } from "@/lib/ingest";
import { fetchAnswer } from "@/components/layout/fetch-answer";
import { causesFound, deletedUploadAnswer } from "@/lib/ingest/upload-answer";
import { SOURCE_NAMES } from "./upload-source";
import { formatBytes } from "./format-bytes";
import { callCount } from "@/components/calls/call-count";
import { explorerHref } from "@/lib/explorer/explorer-href";

type Outcome = { removed: boolean; message: string };
/** A removal asked for and not yet confirmed, with what it would do once counted (null while counting). */
type PendingRemoval = { upload: UploadListing; preview: string | null };

export function UploadsList({ uploads }: { uploads: UploadListing[] }) {
  const router = useRouter();
  const [pending, setPending] = useState<PendingRemoval | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [, startTransition] = useTransition();

  const ask = async (upload: UploadListing) => {
    setOutcome(null);
    setPending({ upload, preview: null });
    const preview = await previewRemoval(upload);
    // Only if the question is still this upload's: another Remove or Keep may have come meanwhile.
    setPending((current) => (current?.upload.id === upload.id ? { upload, preview } : current));
  };

  const remove = async (upload: UploadListing) => {
    setPending(null);
    setRemoving(upload.id);
    const answer = await removeUpload(upload);
    const settle = () => {
      setOutcome(answer);
      setRemoving(null);
    };
    if (!answer.removed) return settle();
    // Said when the list no longer shows the upload, not while its row is still there.
    startTransition(() => {
      settle();
      router.refresh();
    });
  };

  return (
    <>
      {/* Always in the page, so a screen reader announces what is put in it. */}
      <p role="status" className="removal-status">
        {outcome?.removed && outcome.message}
      </p>
      {outcome && !outcome.removed && (
        <div className="alert" role="alert">
          <p>{outcome.message}</p>
        </div>
      )}
      {pending && <RemovalQuestion pending={pending} onRemove={() => remove(pending.upload)} onKeep={() => setPending(null)} />}
      {uploads.length === 0 ? <p className="muted">No uploads yet.</p> : <UploadsTable uploads={uploads} removing={removing} onRemove={ask} />}
    </>
  );
}

/**
 * Asks before a removal, in the page rather than the browser's own dialog:
 * it can say what the removal would do (the calls that go, those
 * re-classified), which "Remove this file?" alone does not.
 */
function RemovalQuestion({ pending, onRemove, onKeep }: { pending: PendingRemoval; onRemove: () => void; onKeep: () => void }) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), [pending.upload.id]);
  return (
    <div className="removal-question" role="group" aria-label={`Remove upload ${pending.upload.name}?`}>
      <p>
        <strong>Remove upload &quot;{pending.upload.name}&quot;?</strong> <span aria-live="polite">{pending.preview ?? "Counting what it would remove…"}</span>
      </p>
      <button ref={confirm} type="button" className="button danger" onClick={onRemove}>
        Remove upload
      </button>{" "}
      <button type="button" className="button" onClick={onKeep}>
        Keep it
      </button>
    </div>
  );
}

/** The columns' titles: the table's header, and on a phone's card the title before a count (globals.css). */
const COLUMN_TITLES = {
  uploaded: "Uploaded",
  name: "Name",
  files: "Files",
  written: "Log time span",
  calls: "Calls",
  rejections: "Rejections when uploaded",
  events: "Gateway events",
  via: "Via",
  actions: "Actions",
} as const;
type Column = keyof typeof COLUMN_TITLES;

function UploadsTable({ uploads, removing, onRemove }: { uploads: UploadListing[]; removing: string | null; onRemove: (upload: UploadListing) => void }) {
  return (
    <div className="table-scroll">
      <table className="uploads-table table-cards">
        <thead>
          <tr>
            <th>
              {COLUMN_TITLES.uploaded} <TimeZoneName />
            </th>
            {(["name", "written", "files", "calls", "rejections", "events", "via"] as const).map((column) => (
              <th key={column}>{COLUMN_TITLES[column]}</th>
            ))}
            <th>
              <span className="visually-hidden">{COLUMN_TITLES.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {uploads.map((upload) => (
            <tr key={upload.id}>
              <Cell column="uploaded">
                <LocalTime iso={upload.createdAt} />
              </Cell>
              <Cell column="name">
                <Link href={explorerHref({ upload: upload.id })}>{upload.name}</Link>
              </Cell>
              <Cell column="written" labelled>
                {/* Which upload holds this morning's trace: the upload's own time says when it was stored, not when its lines were written. */}
                {upload.firstTime !== null && upload.lastTime !== null ? <TimeSpan first={upload.firstTime} last={upload.lastTime} /> : <span className="muted">—</span>}
              </Cell>
              <Cell column="files" labelled title={upload.files.map((file) => `${file.name} (${file.format}${file.gzip ? ", gzip" : ""})`).join("\n")}>
                <Link href={`/uploads/${upload.id}`} title="This upload's files, calls and gateway events">
                  {upload.fileCount} · {formatBytes(upload.byteCount)}
                </Link>
                {upload.duplicateFiles > 0 && <span className="muted"> (+{upload.duplicateFiles} duplicate)</span>}
              </Cell>
              <Cell column="calls" labelled>
                {upload.callsAdded.toLocaleString("en")} added
                {upload.callsUpdated > 0 && <span className="muted">, {upload.callsUpdated.toLocaleString("en")} updated</span>}
              </Cell>
              <RejectionsCell upload={upload} />
              <Cell column="events" labelled>
                {upload.gatewayEvents > 0 ? <Link href={`/uploads/${upload.id}`}>{upload.gatewayEvents.toLocaleString("en")}</Link> : <span className="muted">0</span>}
              </Cell>
              <Cell column="via" labelled>
                <span className="muted">{SOURCE_NAMES[upload.source]}</span>
              </Cell>
              <Cell column="actions">
                <button type="button" className="button danger" disabled={removing === upload.id} onClick={() => onRemove(upload)}>
                  {removing === upload.id ? "Removing…" : "Remove"}
                </button>
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * On a phone's card (globals.css) a cell goes in the area named as its
 * column; a labelled one follows its column's title, which the hidden header
 * no longer shows.
 */
function Cell({ column, labelled = false, title, children }: { column: Column; labelled?: boolean; title?: string; children: ReactNode }) {
  return (
    <td className={`col-${column}`} style={{ gridArea: column }} data-label={labelled ? COLUMN_TITLES[column] : undefined} title={title}>
      {children}
    </td>
  );
}

/**
 * What the upload found, as it found it: a later upload that shares calls
 * re-classifies them (a removal too), so the number is labelled as of then
 * and its link shows the calls as they are now. Counting them again for every
 * listed upload on each visit would cost time in proportion to all stored calls.
 */
function RejectionsCell({ upload }: { upload: UploadListing }) {
  const rejections = CAUSE_ORDER.reduce((sum, cause) => sum + (upload.rejectionsByCause[cause] ?? 0), 0);
  return (
    <Cell
      column="rejections"
      labelled
      title={causesFound(upload.rejectionsByCause).map((cause) => `${CAUSES[cause].title}: ${upload.rejectionsByCause[cause]}`).join("\n")}
    >
      {rejections.toLocaleString("en")}{" "}
      <Link href={explorerHref({ upload: upload.id, rejected: true })} title="This upload's rejections as they are now">
        see them now <span aria-hidden="true">→</span>
      </Link>
    </Cell>
  );
}

/** What removing the upload would do, in words, or why that could not be counted (the removal itself may still be asked for). */
async function previewRemoval(upload: UploadListing): Promise<string> {
  const result = await fetchAnswer(`/api/uploads/${upload.id}/removal`, {}, deletedUploadAnswer);
  if ("failed" in result) return `What it would remove could not be counted: ${result.failed}.`;
  const { callsRemoved, callsReclassified } = result.answer;
  return `${callCount(callsRemoved)} only it brought ${isAre(callsRemoved)} deleted; ${callCount(callsReclassified)} it shares with other uploads ${isAre(callsReclassified)} re-classified on what they hold.`;
}

const isAre = (count: number) => (count === 1 ? "is" : "are");

/** Asks the server to remove an upload, and says what happened whatever the answer (or none). */
async function removeUpload(upload: UploadListing): Promise<Outcome> {
  const result = await fetchAnswer(`/api/uploads/${upload.id}`, { method: "DELETE" }, deletedUploadAnswer);
  if ("failed" in result) return { removed: false, message: `Could not remove "${upload.name}": ${result.failed}.` };
  const { callsRemoved, callsReclassified } = result.answer;
  return { removed: true, message: `Removed upload "${upload.name}": ${callCount(callsRemoved)} removed, ${callsReclassified.toLocaleString("en")} re-classified.` };
}
