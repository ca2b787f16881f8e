"use client";

import { useRef, useState } from "react";
import type { RefusedFile, UploadResult } from "@/lib/ingest";
import { failureOf } from "@/components/layout/fetch-answer";
import { errorAnswer, uploadResultAnswer } from "@/lib/ingest/upload-answer";

/**
 * A done upload's result is null when the server took it but its answer could
 * not be read. A failed one's `files` say why each file was not stored, in the
 * order sent, when the server refused it for files it cannot read (none otherwise).
 */
export type UploadPhase =
  | { kind: "idle" }
  | { kind: "sending"; loaded: number }
  | { kind: "processing" }
  | { kind: "done"; result: UploadResult | null }
  | { kind: "failed"; message: string; files: RefusedFile[] };

export type UploadRequest = { files: File[]; phase: UploadPhase; busy: boolean; send: (chosen: File[]) => void };

/**
 * One upload of several files to `POST /api/uploads`, and where it stands.
 * XMLHttpRequest rather than fetch: only it reports the bytes sent so far,
 * which tell how far each file is. `onStored` runs once the server has
 * stored the upload. A new upload waits until the one in flight is answered.
 */
export function useUploadRequest(onStored: () => void): UploadRequest {
  const [files, setFiles] = useState<File[]>([]);
  const [phase, setPhase] = useState<UploadPhase>({ kind: "idle" });
  const busy = phase.kind === "sending" || phase.kind === "processing";
  // The latest callback, for an answer that arrives after a re-render.
  const stored = useRef(onStored);
  stored.current = onStored;

  const send = (chosen: File[]) => {
    if (chosen.length === 0 || busy) return;
    setFiles(chosen);
    setPhase({ kind: "sending", loaded: 0 });
    const form = new FormData();
    for (const file of chosen) form.append("file", file, file.name);
    const request = new XMLHttpRequest();
    request.open("POST", "/api/uploads");
    request.responseType = "json";
    request.upload.onprogress = (event) => setPhase({ kind: "sending", loaded: event.loaded });
    request.upload.onload = () => setPhase({ kind: "processing" });
    request.onload = () => {
      const body: unknown = request.response;
      if (request.status < 300) {
        setPhase({ kind: "done", result: uploadResultAnswer.safeParse(body).data ?? null });
        stored.current();
      } else {
        setPhase({ kind: "failed", message: failureOf(body, request.status), files: errorAnswer.safeParse(body).data?.error.files ?? [] });
      }
    };
    request.onerror = () => setPhase({ kind: "failed", message: "the upload did not reach the server", files: [] });
    request.send(form);
  };

  return { files, phase, busy, send };
}
