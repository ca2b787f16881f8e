import type { UploadSource } from "@/lib/ingest";

/** How an upload reached Tracelens, as its list and its page say it. */
export const SOURCE_NAMES: Record<UploadSource, string> = { http: "browser/API", cli: "CLI" };
