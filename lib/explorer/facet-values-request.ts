import { z } from "zod";
import { FACET_MATCH as MATCH, FACET_TITLES } from "./fields";
import { FACET_FIELDS, parseCallFilters, type CallFilters, type FacetField } from "./filters";
import { comparableText } from "./stored-text";
import { parseUrlParameters } from "./url-parameters";

/** Which facet's values, containing which text, under which filters. */
export type FacetValuesRequest = { field: FacetField; match: string | undefined; filters: CallFilters };

const facetValuesSchema = z
  .object({
    field: z.enum(FACET_FIELDS),
    [MATCH]: comparableText.trim().min(1).max(500).optional(),
  })
  .strict();

const EXPECTED = {
  field: `a facet field; known: ${FACET_FIELDS.map((field) => `${field} (${FACET_TITLES[field]})`).join(", ")}`,
  [MATCH]: "a text of 1 to 500 characters",
} satisfies Record<keyof z.input<typeof facetValuesSchema>, string>;

/**
 * `GET /api/facets/{field}?match=...&<the explorer's filters>`: the field
 * from the path, `match` and the filters from the query, each checked as
 * the explorer's are (InvalidFilterError naming the first bad one).
 */
export function parseFacetValuesRequest(field: string, params: URLSearchParams): FacetValuesRequest {
  const own = parseUrlParameters(facetValuesSchema, { field, [MATCH]: params.getAll(MATCH) }, { expected: (parameter) => EXPECTED[parameter as keyof typeof EXPECTED] });
  const filterParams = new URLSearchParams(params);
  filterParams.delete(MATCH);
  return { field: own.field, match: own[MATCH], filters: parseCallFilters(filterParams) };
}
