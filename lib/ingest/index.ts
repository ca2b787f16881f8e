export { deleteUpload, previewUploadRemoval, UploadNotFoundError, type DeletedUpload } from "./delete-upload";
export {
  EmptyUploadError,
  ingestUpload,
  type FileOutcome,
  type IngestRequest,
  type UploadedFile,
  type UploadResult,
  type UploadSource,
} from "./ingest-upload";
export { listUploads, readUpload, type UploadListing } from "./list-uploads";
export type { RejectionsByCause } from "./touched-calls";
export type { ErrorAnswer } from "./upload-answer";
export { UnreadableFilesError, type RefusedFile } from "./unreadable-files";
