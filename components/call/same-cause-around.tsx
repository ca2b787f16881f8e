import Link from "next/link";
import type { ReactNode } from "react";
import type { SameCauseAround, Spread } from "@/lib/explorer";
import { explorerPath, setFixedTimes } from "@/lib/explorer/explorer-href";
import { counted, callCount } from "@/components/calls/call-count";
import { TimeSpan } from "@/components/calls/local-time";

/**
 * "Is it only this client?", answered before anyone acts on a credential:
 * one caller refused says the fault is its own; many refused at once, far
 * more than usual, say something they share is at fault.
 */
export function SameCauseAroundNote({ around, caller }: { around: SameCauseAround; caller: string }) {
  // Only a burst is a caution worth a box; otherwise one line, so that the evidence stays in the first screen.
  const burst = around.spread === "burst";
  return (
    <aside className={burst ? "same-cause-around" : "same-cause-around-line"} aria-label="Rejections for this reason around this call" data-spread={around.spread}>
      {burst && <h3>A burst: many callers refused for this reason at once</h3>}
      <p>
        {SPREADS[around.spread](around, caller)} <Link href={windowHref(around)}>See them →</Link>
      </p>
    </aside>
  );
}

const SPREADS: Record<Spread, (around: SameCauseAround, caller: string) => ReactNode> = {
  alone: (around, caller) => (
    <>
      Only this {caller} was refused for this reason from <Window around={around} />
      {around.rejections > 1 && ` (${callCount(around.rejections)})`}: the fault lies with it, not with the gateway.
    </>
  ),
  burst: (around) => (
    <>
      {callCount(around.rejections)} refused for this reason from <Window around={around} />, <Callers around={around} />, <Usual around={around} />. Many callers
      refused at once point to something they share (the gateway&apos;s token store, a key rotation, a client release) rather than to each one&apos;s credential.
      {around.commonAgent && <CommonAgent around={around} agent={around.commonAgent} />}
    </>
  ),
  steady: (around) => (
    <>
      {callCount(around.rejections)} refused for this reason from <Window around={around} />, <Callers around={around} />, <Usual around={around} />.
    </>
  ),
};

function Window({ around }: { around: SameCauseAround }) {
  return <TimeSpan first={around.from} last={around.to} />;
}

/** "from 14 credentials and 3 apps": what the trace names of them. */
function Callers({ around }: { around: SameCauseAround }) {
  const named = [around.credentials > 0 && counted(around.credentials, "credential"), around.apps > 0 && counted(around.apps, "app")].filter(Boolean);
  return <>{named.length > 0 ? `from ${named.join(" and ")}` : `from ${counted(around.callers, "caller")} the trace does not name`}</>;
}

/** A client release, when one User-Agent sent most of a burst. */
function CommonAgent({ around, agent }: { around: SameCauseAround; agent: NonNullable<SameCauseAround["commonAgent"]> }) {
  return (
    <>
      {" "}
      {agent.rejections === around.rejections ? "All" : `${agent.rejections.toLocaleString("en")} of them`} came from User-Agent{" "}
      <Link className="mono" href={windowHref(around, { agent: agent.userAgent })}>{agent.userAgent}</Link>: look first at what changed in that client.
    </>
  );
}

function Usual({ around }: { around: SameCauseAround }) {
  if (around.usual === null) return <>and the stored calls do not reach back to the hour before</>;
  if (around.usual === 0) return <>against none in the hour before</>;
  const usual = around.usual < 1 ? "fewer than 1" : `about ${Math.round(around.usual).toLocaleString("en")}`;
  return <>against {usual} in each ten minutes of the hour before</>;
}

/** The explorer showing these rejections: the cause over the window, narrowed by `more` filters. */
function windowHref(around: SameCauseAround, more: Record<string, string> = {}): string {
  const query = new URLSearchParams({ cause: around.cause, ...more });
  setFixedTimes(query, { from: around.from, to: around.to });
  return explorerPath(query);
}
