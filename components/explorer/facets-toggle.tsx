"use client";

import { useState } from "react";
import { FACETS_ID } from "./anchors";

/**
 * On a narrow screen the facets stack with the calls, where they would come
 * after every call and chart: folded instead, under this button near the top.
 * It stands just before them, and the stylesheet hides them while it is
 * folded (and hides it on a wide screen, where the facets are a column of their own).
 */
export function FacetsToggle() {
  const [unfolded, setUnfolded] = useState(false);
  return (
    <button type="button" className="button facets-toggle" aria-expanded={unfolded} aria-controls={FACETS_ID} onClick={() => setUnfolded(!unfolded)}>
      Filters
    </button>
  );
}
