"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CAUSE_ORDER, CAUSES } from "@/components/calls/cause-style";
import { LocalTime } from "@/components/calls/local-time";
import type { UploadListing } from "@/lib/ingest";
import { formatBytes } from "./upload-dropzone";

export function UploadsList({ uploads }: { uploads: UploadListing[] }) {
  const router = useRouter();
  const [removing, setRemoving] = useState<string | null>(null);
  if (uploads.length === 0) return <p className="muted">No uploads yet.</p>;

  const remove = async (upload: UploadListing) => {
    if (!window.confirm(`Remove "${upload.name}"? Calls only it contributed are deleted; shared calls are re-classified.`)) return;
    setRemoving(upload.id);
    await fetch(`/api/uploads/${upload.id}`, { method: "DELETE" });
    setRemoving(null);
    router.refresh();
  };

  return (
    <div className="table-scroll">
      <table className="uploads-table">
        <thead>
          <tr>
            <th>Uploaded</th>
            <th>Name</th>
            <th>Files</th>
            <th>Calls</th>
            <th>Rejections</th>
            <th>Via</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {uploads.map((upload) => {
            const rejections = CAUSE_ORDER.reduce((sum, cause) => sum + (upload.rejectionsByCause[cause] ?? 0), 0);
            return (
              <tr key={upload.id}>
                <td>
                  <LocalTime iso={upload.createdAt} />
                </td>
                <td>
                  <Link href={`/?upload=${upload.id}`}>{upload.name}</Link>
                </td>
                <td title={upload.files.map((file) => `${file.name} (${file.format}${file.gzip ? ", gzip" : ""})`).join("\n")}>
                  {upload.fileCount} · {formatBytes(upload.byteCount)}
                  {upload.duplicateFiles > 0 && <span className="muted"> (+{upload.duplicateFiles} duplicate)</span>}
                </td>
                <td>
                  {upload.callsAdded.toLocaleString("en")} added
                  {upload.callsUpdated > 0 && <span className="muted">, {upload.callsUpdated} updated</span>}
                </td>
                <td title={CAUSE_ORDER.filter((cause) => upload.rejectionsByCause[cause]).map((cause) => `${CAUSES[cause].title}: ${upload.rejectionsByCause[cause]}`).join("\n")}>
                  <Link href={`/?upload=${upload.id}&rejected=true`}>{rejections.toLocaleString("en")}</Link>
                </td>
                <td className="muted">{upload.source === "http" ? "browser/API" : "CLI"}</td>
                <td>
                  <button type="button" className="button danger" disabled={removing === upload.id} onClick={() => remove(upload)}>
                    {removing === upload.id ? "Removing…" : "Remove"}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
