import type { z } from "zod";

/** A URL's parameters: as the request has them, or as Next hands a page its search params. */
export type UrlParameters = URLSearchParams | Record<string, string | string[] | undefined>;

/** A parameter that cannot be used, with the refused value when one value of it is the problem. */
export class InvalidFilterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
    readonly value: string | null = null,
  ) {
    super(message);
  }

  static refusedValue(parameter: string, value: string, expected: string): InvalidFilterError {
    // Cut, so that a pasted blob (a broken cursor, say) does not flood the message.
    const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    return new InvalidFilterError(parameter, `"${parameter}": ${JSON.stringify(shown)} is not ${expected}`, value);
  }
}

/** What a parameter-parsing schema's caller says besides the schema: which parameters may repeat, and what each takes (for the refusal's message). */
export type ParameterRules = { repeatable?: ReadonlySet<string>; expected: (parameter: string) => string };

/**
 * Parses URL parameters with a strict zod object (its unknown keys refused),
 * or throws InvalidFilterError naming the first bad one: an unknown
 * parameter, one given twice that may be given once, or a value the schema
 * refuses, with what it takes. The one contract every URL the product answers
 * keeps: a mistake is an error naming it, never a page that quietly ignores it.
 */
export function parseUrlParameters<Schema extends z.ZodType>(schema: Schema, params: UrlParameters, { repeatable = new Set(), expected }: ParameterRules): z.output<Schema> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of parameterEntries(params)) {
    if (repeatable.has(key)) raw[key] = [...((raw[key] as string[] | undefined) ?? []), value];
    else if (key in raw) throw new InvalidFilterError(key, `parameter "${key}" may be given only once`);
    else raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "?";
    throw new InvalidFilterError(key, `unknown parameter "${key}"`);
  }
  const parameter = String(issue?.path[0] ?? "?");
  const given = raw[parameter];
  const value = (Array.isArray(given) ? given[Number(issue?.path[1] ?? 0)] : given) ?? "";
  const contradicts = issue?.code === "custom" ? (issue.params?.expected as string | undefined) : undefined;
  throw InvalidFilterError.refusedValue(parameter, value, contradicts ?? expected(parameter));
}

/** A parameter of a page's URL that the page did not apply: all of it when `value` is null, else that value. */
export type IgnoredParameter = { parameter: string; value: string | null; reason: string };

/**
 * For pages: what `parse` makes of a URL's parameters less the values that
 * are wrong, each reported, so a bad link still shows a view and says what
 * it ignored; `applied` is the URL's parameters less those.
 */
export function parseLeniently<Parsed>(
  parse: (params: URLSearchParams) => Parsed,
  params: Record<string, string | string[] | undefined>,
): { parsed: Parsed; ignored: IgnoredParameter[]; applied: URLSearchParams } {
  const remaining = new URLSearchParams([...parameterEntries(params)]);
  const ignored: IgnoredParameter[] = [];
  for (;;) {
    try {
      return { parsed: parse(remaining), ignored, applied: remaining };
    } catch (error) {
      const value = error instanceof InvalidFilterError ? (error.value ?? undefined) : undefined;
      if (!(error instanceof InvalidFilterError) || !remaining.has(error.parameter, value)) throw error;
      ignored.push({ parameter: error.parameter, value: error.value, reason: error.message });
      remaining.delete(error.parameter, value);
    }
  }
}

export function* parameterEntries(params: UrlParameters): Generator<[string, string]> {
  if (params instanceof URLSearchParams) {
    yield* params.entries();
    return;
  }
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) yield [key, item];
  }
}
