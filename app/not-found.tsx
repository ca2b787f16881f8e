import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/layout/empty-state";

export const metadata: Metadata = { title: "Page not found" };

/** Any address no route answers (a mistyped or outdated link): said in the app's own layout, with a way back. */
export default function PageNotFound() {
  return (
    <EmptyState title="Page not found">
      <p>Tracelens has no page at this address. The link may be mistyped or out of date.</p>
      <Link href="/">Back to all calls</Link>
    </EmptyState>
  );
}
