export { apiRoute } from "./api-route";
export { HttpError } from "./errors";
export { multipartFiles, type UploadLimits } from "./multipart-files";
export { streamedText } from "./streamed-text";
export { jsonBody } from "./json-body";
