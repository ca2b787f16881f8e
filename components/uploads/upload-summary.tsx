import Link from "next/link";
import type { UploadListing } from "@/lib/ingest";
import { CAUSES } from "@/lib/rules";
import { causesFound } from "@/lib/ingest/upload-answer";
import { SOURCE_NAMES } from "./upload-source";
import { explorerHref } from "@/lib/explorer/explorer-href";
import { Fact } from "@/components/layout/fact";
import { LocalTime, TimeSpan } from "@/components/calls/local-time";
import { formatBytes } from "./format-bytes";

const FORMAT_NAMES = { text: "Text", json_lines: "JSON Lines", json_document: "JSON document" } as const;

/**
 * What an upload brought, where its list row has room for counts only: each
 * file read and how, the calls it added, and its rejections by cause, each
 * a link to them as they are now (a later upload may have re-classified them).
 */
export function UploadSummary({ upload }: { upload: UploadListing }) {
  const causes = causesFound(upload.rejectionsByCause);
  return (
    <section className="card upload-summary" aria-label="Upload summary">
      <dl className="fact-list">
        <Fact label="Uploaded">
          <LocalTime iso={upload.createdAt} /> <span className="muted">via {SOURCE_NAMES[upload.source]}</span>
        </Fact>
        <Fact label="Log time span">{upload.firstTime && upload.lastTime ? <TimeSpan first={upload.firstTime} last={upload.lastTime} /> : null}</Fact>
        <Fact label="Calls">
          {upload.callsAdded.toLocaleString("en")} added, {upload.callsUpdated.toLocaleString("en")} updated ·{" "}
          <Link href={explorerHref({ upload: upload.id })}>the calls of this upload →</Link>
        </Fact>
        <Fact label="Rejections when uploaded">
          {causes.length === 0 ? (
            "none"
          ) : (
            <ul className="upload-causes">
              {causes.map((cause) => (
                <li key={cause}>
                  <Link href={explorerHref({ upload: upload.id, cause })} title="These rejections as they are now">
                    {CAUSES[cause].title}
                  </Link>{" "}
                  {upload.rejectionsByCause[cause]?.toLocaleString("en")}
                </li>
              ))}
            </ul>
          )}
        </Fact>
      </dl>
      <table className="upload-files">
        <caption>
          {upload.files.length === 1 ? "1 file" : `${upload.files.length} files`}
          {upload.duplicateFiles > 0 && <span className="muted"> (and {upload.duplicateFiles} already stored, skipped)</span>}
        </caption>
        <thead>
          <tr>
            <th>Name</th>
            <th>Format</th>
            <th>Size</th>
            <th>Lines</th>
          </tr>
        </thead>
        <tbody>
          {upload.files.map((file, index) => (
            <tr key={`${index}:${file.name}`}>
              <td className="mono">{file.name}</td>
              <td>
                {FORMAT_NAMES[file.format]}
                {file.gzip ? ", gzip" : ""}
              </td>
              <td>{formatBytes(file.byteCount)}</td>
              <td>{file.lineCount.toLocaleString("en")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
