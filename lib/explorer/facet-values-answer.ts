import { z } from "zod";

// Shared by the server and the browser, which reads `GET /api/facets/{field}` through it.

const facetValue = z.object({ value: z.string().nullable(), count: z.number().int() });

/** A facet's row: a value (null for the calls without one) and how many calls have it. */
export type FacetValue = z.infer<typeof facetValue>;

/**
 * A facet's values containing the text asked for (any case; all of them,
 * "no value" too, without one), most frequent first, at most 1,000, and
 * how many values contain it (more than those listed when past 1,000).
 */
export const facetValuesAnswer = z.object({ values: z.array(facetValue), matching: z.number().int() });
export type FacetValues = z.infer<typeof facetValuesAnswer>;
