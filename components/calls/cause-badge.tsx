import { CAUSES, type Cause } from "@/lib/rules";
import { CAUSE_COLORS } from "./cause-colors";

export function CauseBadge({ cause }: { cause: Cause | null }) {
  if (!cause) return <span className="muted">—</span>;
  return (
    <span className="cause-badge" style={{ "--cause-color": CAUSE_COLORS[cause] } as React.CSSProperties} title={`${CAUSES[cause].title}: ${CAUSES[cause].explanation}`}>
      <span className="cause-badge-title">{CAUSES[cause].title}</span>
    </span>
  );
}
