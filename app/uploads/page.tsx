import { headers } from "next/headers";
import { UploadDropzone } from "@/components/uploads/upload-dropzone";
import { UploadsList } from "@/components/uploads/uploads-list";
import { database } from "@/lib/database";
import { listUploads } from "@/lib/ingest";

export const metadata = { title: "Uploads" };
export const dynamic = "force-dynamic";

export default async function UploadsPage() {
  const uploads = await listUploads(database());
  // The address this page was asked for, so the example works on any HOST:PORT.
  const host = (await headers()).get("host") ?? "127.0.0.1:3000";
  return (
    <>
      <div className="page-heading">
        <h1>Uploads</h1>
      </div>
      <UploadDropzone />
      <section className="card" aria-labelledby="past-uploads">
        <h2 id="past-uploads">Past uploads</h2>
        <UploadsList uploads={uploads} />
      </section>
      <p className="muted hint">
        From a terminal: <code>npx tracelens ingest gateway-trace.log</code> · over HTTP:{" "}
        <code>curl -F file=@gateway-trace.log http://{host}/api/uploads</code>
      </p>
    </>
  );
}
