"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import type { CallEvidence, EvidenceView, TraceLineView } from "@/lib/explorer";
import { callsAroundHref } from "@/lib/explorer/explorer-href";
import { LocalTime } from "@/components/calls/local-time";
import { isEvidenceLine } from "./evidence-line";

/** A line to list: a call's (held by one file or more) or a gateway event (one file's, with its upload where the list spans many). */
type ShownLine = Omit<TraceLineView, "alsoIn"> & Partial<Pick<TraceLineView, "alsoIn">> & { upload?: { id: string; name: string } };

/**
 * The call's whole trace, line numbers and files beside it, each line once
 * with the other files that held it named. The decisive evidence line is
 * highlighted and, when the trace's own box hides it, scrolled into view
 * there; the response line and the gateway's own verdict are marked. Text
 * is rendered as text, never HTML. A call's lines show the time of day (its date is the call's);
 * lines of no call (gateway events, `aroundLinks`) show their date and file
 * too (an upload's may come from many), and link each timed line to the
 * calls around its time; a line that names its upload links to it (its
 * file named too, unless the upload is named after it: an upload of one file).
 */
export function TraceView({ trace, marks = NOT_MARKED, aroundLinks = false }: { trace: ShownLine[]; marks?: CallEvidence; aroundLinks?: boolean }) {
  const list = useRef<HTMLOListElement>(null);
  const decisive = useRef<HTMLLIElement>(null);
  useEffect(() => revealWithin(list.current, decisive.current), []);
  const files = new Set(trace.map((line) => line.file));
  return (
    <ol className={aroundLinks ? "trace trace-dated" : "trace"} aria-label="Trace" ref={list}>
      {trace.map((line, index) => {
        const role = isHeldAt(line, marks.decisive)
          ? "decisive"
          : isHeldAt(line, marks.gatewayVerdict)
            ? "verdict"
            : isHeldAt(line, marks.response)
              ? "response"
              : null;
        return (
          <li
            key={`${line.file}:${line.line}:${index}`}
            ref={role === "decisive" ? decisive : undefined}
            className={role ? `trace-line trace-${role}` : "trace-line"}
            data-testid={role === "decisive" ? "decisive-line" : undefined}
          >
            <span className="trace-where mono">
              {line.upload && (
                <Link className="trace-upload" href={`/uploads/${line.upload.id}`} title={`Upload ${line.upload.name}`}>
                  {line.upload.name}
                </Link>
              )}
              {(files.size > 1 || aroundLinks) && line.file !== line.upload?.name && <span className="trace-file">{line.file}</span>}
              <span className="trace-number">{line.line ?? "·"}</span>
            </span>
            <span className="trace-time mono">
              <LocalTime iso={line.time} withDate={aroundLinks} />
            </span>
            <span className={`trace-level mono level-${(line.level ?? "").toLowerCase()}`}>{line.level ?? ""}</span>
            <span className="trace-text mono">
              {line.text}
              {line.alsoIn && line.alsoIn.length > 0 && <span className="trace-also">also in {line.alsoIn.map((copy) => copy.file).join(", ")}</span>}
            </span>
            {role && <span className={`trace-tag tag-${role}`}>{ROLE_LABELS[role]}</span>}
            {aroundLinks && line.time && (
              <Link className="trace-around" href={callsAroundHref(line.time)}>
                calls around this time
              </Link>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** Whether the evidence is this line, in its own file or in another that held it too (the evidence may name either). */
function isHeldAt(line: ShownLine, evidence: EvidenceView | null): boolean {
  return isEvidenceLine(line, evidence) || (line.alsoIn ?? []).some((copy) => isEvidenceLine({ ...copy, text: line.text }, evidence));
}

/** Gateway events: no line of theirs is a call's evidence, response or verdict. */
const NOT_MARKED: CallEvidence = { decisive: null, response: null, gatewayVerdict: null };

const ROLE_LABELS = { decisive: "evidence", verdict: "gateway verdict", response: "response" } as const;

/**
 * Scrolls the trace's box, and only it (scrollIntoView also scrolled the page,
 * and the call's title went under the sticky header), when the line is not
 * wholly in view: a short trace that barely overflows already shows it, and
 * moving it there only cut its first line (the request) in half. The box is
 * then scrolled to bring the line near its middle, for the lines around it,
 * with a whole line at its top edge.
 */
function revealWithin(box: HTMLElement | null, line: HTMLElement | null): void {
  if (box === null || line === null) return;
  const boxTop = box.getBoundingClientRect().top + box.clientTop;
  const offsetOf = (element: Element) => element.getBoundingClientRect().top - boxTop + box.scrollTop;
  const top = offsetOf(line);
  const bottom = top + line.offsetHeight;
  if (top >= box.scrollTop && bottom <= box.scrollTop + box.clientHeight) return;
  const centred = top - (box.clientHeight - line.offsetHeight) / 2;
  const furthest = Math.min(top, box.scrollHeight - box.clientHeight);
  // Where a line starts and the decisive one still shows whole; none when it is taller than the box.
  const lineStarts = [...box.children].map(offsetOf).filter((start) => start <= furthest && start + box.clientHeight >= bottom);
  const closest = lineStarts.reduce<number | null>((best, start) => (best === null || Math.abs(start - centred) < Math.abs(best - centred) ? start : best), null);
  box.scrollTop = closest ?? furthest;
}
