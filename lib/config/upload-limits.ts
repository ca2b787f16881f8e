import { z } from "zod";
import { unsetWhenEmpty } from "./unset-when-empty";

const uploadLimitSchema = z.object({
  TRACELENS_MAX_UPLOAD_MB: unsetWhenEmpty(z.coerce.number().positive().default(1024)),
  TRACELENS_MAX_UPLOAD_FILES: unsetWhenEmpty(z.coerce.number().int().positive().default(50)),
});

/** How much one HTTP upload may carry (413 past it). */
export function uploadLimits(env: NodeJS.ProcessEnv = process.env): { maxBytes: number; maxFiles: number } {
  const values = uploadLimitSchema.parse(env);
  return { maxBytes: Math.round(values.TRACELENS_MAX_UPLOAD_MB * 1024 * 1024), maxFiles: values.TRACELENS_MAX_UPLOAD_FILES };
}
