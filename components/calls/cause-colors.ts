import type { Cause } from "@/lib/rules";

/** One color per cause, readable on light and dark backgrounds; charts and badges share it. */
export const CAUSE_COLORS: Record<Cause, string> = {
  missing_credential: "#d97706",
  malformed_credential: "#8b5cf6",
  invalid_expired_revoked: "#dc2626",
  no_resource_access: "#2563eb",
  invalid_unspecified: "#db2777",
  unknown: "#64748b",
};
