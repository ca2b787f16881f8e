import Link from "next/link";
import { EmptyState } from "@/components/layout/empty-state";

export default function CallNotFound() {
  return (
    <EmptyState title="No such call">
      <p>No stored call has this reference. It may belong to an upload that was removed.</p>
      <Link href="/">Back to all calls</Link>
    </EmptyState>
  );
}
