import { expect, test, type APIRequestContext } from "@playwright/test";

/** Uploads one trace file over the API, as a script would; the upload's id. */
async function uploadTrace(request: APIRequestContext, name: string, text: string): Promise<string> {
  const response = await request.post("/api/uploads", { multipart: { file: { name, mimeType: "text/plain", buffer: Buffer.from(text) } } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { uploadId: string }).uploadId;
}

/**
 * A trace stored for the tests of this file (or of the describe block that
 * calls this) and removed after them, so that the specs sharing one
 * database do not count each other's calls. Gives the upload's id once the
 * tests run.
 */
export function useUploadedTrace(name: string, text: string): () => string {
  let uploadId = "";
  test.beforeAll(async ({ request }) => {
    uploadId = await uploadTrace(request, name, text);
  });
  test.afterAll(async ({ request }) => {
    await request.delete(`/api/uploads/${uploadId}`);
  });
  return () => uploadId;
}
