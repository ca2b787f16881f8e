import { EmptyState } from "@/components/layout/empty-state";

export const metadata = { title: "Uploads" };

export default function UploadsPage() {
  return (
    <>
      <div className="page-heading">
        <h1>Uploads</h1>
      </div>
      <EmptyState title="Uploading in the browser is on its way">
        <p>Until then, load trace files from a terminal in this checkout:</p>
        <code className="command">npx tracelens ingest path/to/gateway-trace.log</code>
      </EmptyState>
    </>
  );
}
