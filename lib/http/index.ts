export { apiRoute, errorResponse } from "./api-route";
export { HttpError } from "./errors";
export { multipartFiles, type UploadLimits } from "./multipart-files";
