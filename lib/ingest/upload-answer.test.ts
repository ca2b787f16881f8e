import { describe, expect, it } from "vitest";
import { deletedUploadAnswer, errorAnswer, rejectionsByCauseAnswer, uploadResultAnswer } from "./upload-answer";

const result = {
  uploadId: "0b6f3c1e-8d2a-4c55-9a51-0d6c1e3f2a10",
  files: [{ name: "gateway-trace.log", format: "text", gzip: false, byteCount: 2048, lineCount: 31, duplicate: false }],
  callsAdded: 10,
  callsUpdated: 0,
  duplicateFiles: 0,
  gatewayEvents: 1,
  rejectionsByCause: { invalid_expired_revoked: 2, missing_credential: 1 },
};

describe("the uploads API's answers", () => {
  it("reads an upload result as the server writes it, and one where every file was a duplicate", () => {
    expect(uploadResultAnswer.parse(result)).toEqual(result);
    const nothingNew = { ...result, uploadId: null, files: [{ ...result.files[0], duplicate: true }], callsAdded: 0, duplicateFiles: 1, rejectionsByCause: {} };
    expect(uploadResultAnswer.parse(nothingNew)).toEqual(nothingNew);
  });

  it.each([
    ["an error answer", { error: { code: "upload_too_large", message: "an upload may hold at most 2 MiB" } }],
    ["a missing count", { ...result, callsAdded: undefined }],
    ["an unknown trace format", { ...result, files: [{ ...result.files[0], format: "xml" }] }],
    ["a count that is not a number", { ...result, rejectionsByCause: { missing_credential: "1" } }],
    ["nothing", null],
  ])("does not take %s for an upload result", (_what, body) => {
    expect(uploadResultAnswer.safeParse(body).success).toBe(false);
  });

  it("leaves out rejection counts for a cause name no cause has", () => {
    expect(rejectionsByCauseAnswer.parse({ missing_credential: 3, retired_cause: 2 })).toEqual({ missing_credential: 3 });
    expect(rejectionsByCauseAnswer.safeParse([1, 2]).success).toBe(false);
  });

  it("reads the error answer and the removal answer", () => {
    expect(errorAnswer.parse({ error: { code: "not_found", message: "no upload x" } }).error.message).toBe("no upload x");
    expect(errorAnswer.safeParse({ error: "boom" }).success).toBe(false);
    expect(deletedUploadAnswer.parse({ uploadId: "u", callsRemoved: 3, callsReclassified: 1 })).toEqual({ uploadId: "u", callsRemoved: 3, callsReclassified: 1 });
    expect(deletedUploadAnswer.safeParse({ uploadId: "u", callsRemoved: 1.5, callsReclassified: 0 }).success).toBe(false);
  });
});
