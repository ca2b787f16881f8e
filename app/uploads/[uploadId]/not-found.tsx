import Link from "next/link";
import { EmptyState } from "@/components/layout/empty-state";

export default function UploadNotFound() {
  return (
    <EmptyState title="No such upload">
      <p>No stored upload has this id. It may have been removed.</p>
      <Link href="/uploads">Back to uploads</Link>
    </EmptyState>
  );
}
