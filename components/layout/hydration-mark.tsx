"use client";

import { useEffect } from "react";

/**
 * Marks <html data-hydrated> once React is live: browser tests wait for it,
 * since a click or a chosen file before hydration would go unnoticed.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
