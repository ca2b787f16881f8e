"use client";

import type { ReactNode } from "react";
import type { CallsOverTime, CredentialHistory, CredentialStory } from "@/lib/explorer";
import { callCount } from "@/components/calls/call-count";
import { LocalTime, TimeSpan } from "@/components/calls/local-time";

/**
 * Beside a refused credential, the question that comes next: did it ever
 * work? Accepted until a moment and refused since reads as a token that
 * expired or was revoked; never accepted, as one that was wrong from the
 * start. Said as the stored calls show it, with their counts and times.
 */
export function CredentialHistoryNote({ history }: { history: CredentialHistory }) {
  return (
    <div className="credential-history" data-story={history.story}>
      <h3>The refused credential over time</h3>
      <CredentialStoryText history={history} />
    </div>
  );
}

/** The story in a sentence, then the counts it rests on. */
export function CredentialStoryText({ history }: { history: CredentialHistory }) {
  return (
    <>
      <p>{STORIES[history.story](history)}</p>
      <p className="muted">
        <Count label="Accepted" kind={history.accepted} /> · <Count label="refused" kind={history.refused} />
      </p>
    </>
  );
}

const STORIES: Record<CredentialStory, (history: CredentialHistory) => ReactNode> = {
  stopped_working: ({ accepted, refused }) => (
    <>
      Accepted until <LocalTime iso={accepted.last} />, refused from <LocalTime iso={refused.first} />: it stopped working in between.
    </>
  ),
  started_working: ({ accepted, refused }) => (
    <>
      Refused until <LocalTime iso={refused.last} />, accepted from <LocalTime iso={accepted.first} />: it works again since.
    </>
  ),
  mixed: ({ accepted, refused }) =>
    apartByApi(accepted, refused) ? (
      <>
        Accepted by {accepted.apis.join(", ")} and refused by {refused.apis.join(", ")} over the same period: the gateway takes it for some APIs and not
        for others (their plans or resources).
      </>
    ) : (
      <>Accepted and refused over the same period: the gateway takes it for some calls and not for others.</>
    ),
  never_accepted: () => <>No stored call had it accepted.</>,
  never_refused: () => <>No stored call had it refused.</>,
};

/** Whether the APIs that accepted it and those that refused it are two sets apart, each named. */
function apartByApi(accepted: CallsOverTime, refused: CallsOverTime): boolean {
  return accepted.apis.length > 0 && refused.apis.length > 0 && !accepted.apis.some((api) => refused.apis.includes(api));
}

/** "Accepted in 2 calls to Orders, Payments (07:58:00 → 07:59:30)": which APIs took it and which refused it shows the plan that lacks a grant. */
function Count({ label, kind }: { label: string; kind: CallsOverTime }) {
  const calls = `${label} in ${callCount(kind.calls)}${kind.apis.length > 0 ? ` to ${kind.apis.join(", ")}` : ""}`;
  if (kind.first === null || kind.last === null) return <>{calls}</>;
  return (
    <>
      {calls} (<TimeSpan first={kind.first} last={kind.last} />)
    </>
  );
}
