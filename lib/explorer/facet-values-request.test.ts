import { describe, expect, it } from "vitest";
import { parseFacetValuesRequest } from "./facet-values-request";
import { InvalidFilterError } from "./url-parameters";

// GET /api/facets/{field}: a field, the text typed, and the explorer's filters.
describe("a facet's values request", () => {
  const parse = (field: string, query: string) => parseFacetValuesRequest(field, new URLSearchParams(query));

  it("takes the field, the text typed (trimmed) and the explorer's filters", () => {
    const request = parse("app", "match=%20Partner%2013%20&rejected=true&api=Cards");
    expect(request.field).toBe("app");
    expect(request.match).toBe("Partner 13");
    expect(request.filters).toMatchObject({ rejected: true, api: ["Cards"] });
    expect(parse("name", "").match).toBeUndefined();
  });

  it.each([
    ["colour", "", "field", '"field": "colour" is not a facet field; known: cause (Cause), status (Status), element (Credential element)'],
    ["app", "match=", "match", '"match": "" is not a text of 1 to 500 characters'],
    ["app", "match=a&match=b", "match", 'parameter "match" may be given only once'],
    ["app", "colour=red", "colour", 'unknown parameter "colour"'],
    ["app", "cause=bogus", "cause", '"cause": "bogus" is not a known cause'],
  ])("refuses %s?%s naming %s", (field, query, parameter, message) => {
    const refusal = (() => {
      try {
        parse(field, query);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(InvalidFilterError);
    expect((refusal as InvalidFilterError).parameter).toBe(parameter);
    expect((refusal as InvalidFilterError).message).toContain(message);
  });
});
