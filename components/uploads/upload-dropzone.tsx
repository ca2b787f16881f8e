"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useHydrated } from "@/components/layout/use-hydrated";
import { formatBytes } from "./format-bytes";
import { CAUSES } from "@/lib/rules";
import { causesFound } from "@/lib/ingest/upload-answer";
import { CAUSE_COLORS } from "@/components/calls/cause-colors";
import type { RefusedFile, UploadResult } from "@/lib/ingest";
import { explorerHref } from "@/lib/explorer/explorer-href";
import { useUploadRequest, type UploadPhase as Phase } from "./use-upload-request";

/**
 * Several files in one upload (stored whole or not at all). One request
 * carries them in order, so the bytes sent so far tell how far each file is;
 * once all are sent the server finishes reading and classifying them.
 */
export function UploadDropzone() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const { files, phase, busy, send } = useUploadRequest(() => router.refresh());
  const [dragging, setDragging] = useState(false);
  // Until React has hydrated, a chosen file would go unnoticed: the controls wait.
  const hydrated = useHydrated();

  return (
    <section className="upload-panel" aria-label="Upload trace files">
      <div
        className={dragging ? "dropzone dragging" : "dropzone"}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          send([...event.dataTransfer.files]);
        }}
      >
        {/* A touch screen has nothing to drag files from: there, the title names the button instead (globals.css). */}
        <p className="dropzone-title">
          <span className="for-pointer">Drop gateway trace files here</span>
          <span className="for-touch">Upload gateway trace files</span>
        </p>
        <p className="muted">Text, JSON Lines or JSON documents, plain or .gz. Several files become one upload, stored whole or not at all.</p>
        <button type="button" className="button primary" disabled={busy || !hydrated} onClick={() => input.current?.click()}>
          Choose files…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="file-input"
          onChange={(event) => {
            send([...(event.currentTarget.files ?? [])]);
            event.currentTarget.value = "";
          }}
        />
      </div>
      {files.length > 0 && phase.kind !== "idle" && <FileProgress files={files} phase={phase} />}
      {phase.kind === "done" && <UploadOutcome result={phase.result} />}
      {phase.kind === "failed" && (
        <div className="alert" role="alert">
          <p>
            <strong>Upload failed:</strong> {phase.message}
          </p>
        </div>
      )}
    </section>
  );
}

function FileProgress({ files, phase }: { files: File[]; phase: Phase }) {
  let before = 0;
  return (
    <ul className="file-progress" aria-label="Files">
      {files.map((file, index) => {
        const start = before;
        before += file.size;
        const sent = phase.kind === "sending" ? Math.min(Math.max(phase.loaded - start, 0), file.size) : file.size;
        const fraction = file.size === 0 ? 1 : sent / file.size;
        const refused = phase.kind === "failed" ? phase.files[index] : undefined;
        const state = fileState(phase, fraction, refused);
        return (
          <li key={`${file.name}:${start}`}>
            <span className="file-name mono">{file.name}</span>
            {phase.kind === "failed" ? (
              <span className={refused?.readable === false ? "file-failed" : "muted"}>{state}</span>
            ) : (
              <progress max={1} value={phase.kind === "processing" ? undefined : fraction} aria-label={`${file.name} ${state}`} />
            )}
            <span className="muted file-state">{state === "stored" ? formatBytes(file.size) : phase.kind === "failed" ? "" : state}</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Where a file stands. When the upload is refused for files it cannot read,
 * the server says of each file, in the order sent, where and why it cannot be
 * read, or that it can and was not stored, as an upload is stored whole or
 * not at all; refused otherwise, no file was stored.
 */
function fileState(phase: Phase, fraction: number, refused: RefusedFile | undefined): string {
  if (phase.kind === "sending") return fraction >= 1 ? "sent" : "sending";
  if (phase.kind === "processing") return "processing";
  if (phase.kind === "done") return "stored";
  if (refused === undefined) return "not stored";
  return refused.readable ? refused.message : `unreadable: ${refused.message}`;
}

function UploadOutcome({ result }: { result: UploadResult | null }) {
  if (result === null) {
    return (
      <section className="upload-result" aria-label="Upload result" data-testid="upload-result">
        <h2>The server took the upload</h2>
        <p className="muted">Its answer could not be read: the uploads list shows what was stored.</p>
      </section>
    );
  }
  const rejected = causesFound(result.rejectionsByCause);
  const link = (cause?: string) => explorerHref({ upload: result.uploadId, cause });
  return (
    <section className="upload-result" aria-label="Upload result" data-testid="upload-result">
      {result.uploadId ? (
        <h2>
          Stored: <Link href={link()}>{result.callsAdded.toLocaleString("en")} calls added</Link>
          {result.callsUpdated > 0 && `, ${result.callsUpdated.toLocaleString("en")} updated`}
        </h2>
      ) : (
        <h2>Nothing new: every file was already uploaded</h2>
      )}
      {result.duplicateFiles > 0 && <p className="muted">{result.duplicateFiles} duplicate {result.duplicateFiles === 1 ? "file" : "files"} skipped (the same bytes were stored before).</p>}
      {rejected.length > 0 && (
        <ul className="cause-links">
          {rejected.map((cause) => (
            <li key={cause}>
              <span className="swatch" style={{ background: CAUSE_COLORS[cause] }} aria-hidden="true" />
              <Link href={link(cause)}>
                {(result.rejectionsByCause[cause] ?? 0).toLocaleString("en")} × {CAUSES[cause].title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

