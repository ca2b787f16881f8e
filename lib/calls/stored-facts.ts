import { z } from "zod";
import { CREDENTIAL_LOCATIONS, REJECTING_LINE_SAYS } from "../rules";
import { fieldsObject } from "../trace-reading";
import type { CallFacts, CallResponse, CarriedCredential, InterceptorMention, Place, RejectingLine, Sighting } from "./facts";

/*
 * CallFacts in the form a trace segment stores them: arrays by position
 * instead of objects with named fields, each file name once (places point
 * into that list), and no call reference (the row holds it). As objects the
 * facts were about 1 kB per call, as much as the trace text itself, and cost
 * the ingest in JSON.stringify, in escaping for COPY and in PostgreSQL's
 * parsing and compression; this form is a little over half of that (975 to
 * 540 bytes per segment of the benchmark's trace).
 */

const time = z.number().nullable();
const fileIndex = z.number().int().nonnegative();
/** file, seq, time */
const place = z.tuple([fileIndex, z.number().int(), time]);
/** file, line, seq, time, text */
const sighting = z.tuple([fileIndex, z.number().int().nullable(), z.number().int(), time, z.string()]);
const location = z.enum(CREDENTIAL_LOCATIONS);
/** where, status, body, duration, where the status was read, where the duration was read */
const response = z.tuple([sighting, z.number().int().nullable(), z.string().nullable(), z.number().nullable(), place.nullable(), place.nullable()]);
/** location, name, fingerprint, preview, length, leading whitespace, trailing whitespace, line break, where it was seen */
const credential = z.tuple([location, z.string(), z.string(), z.string(), z.number().int(), z.boolean(), z.boolean(), z.boolean(), sighting.nullable()]);
/** where, what the gateway says, label, location, name */
const rejectingLine = z.tuple([sighting, z.enum(REJECTING_LINE_SAYS), z.string(), location, z.string()]);
/** name, where */
const interceptor = z.tuple([z.string(), place]);
const text = z.string().nullable();

const storedFactsSchema = z.tuple([
  z.array(z.string()),
  time,
  // method, uri, api, resource, app, client IP
  text, text, text, text, text, text,
  response.nullable(),
  z.array(credential),
  z.array(rejectingLine),
  z.array(interceptor),
  fieldsObject,
  z.number().int(),
  // user agent: last, and absent from segments stored before calls kept it
  text.optional(),
]);

export type StoredFacts = z.infer<typeof storedFactsSchema>;

/** The facts as a segment stores them. */
export function storedFacts(facts: CallFacts): StoredFacts {
  const files: string[] = [];
  const fileOf = (file: string) => {
    const index = files.indexOf(file);
    return index >= 0 ? index : files.push(file) - 1;
  };
  const toPlace = ({ file, seq, time }: Place): z.infer<typeof place> => [fileOf(file), seq, time];
  const toSighting = ({ file, line, seq, time, text }: Sighting): z.infer<typeof sighting> => [fileOf(file), line, seq, time, text];
  const { response: answer } = facts;
  const response: StoredFacts[8] = answer && [
    toSighting(answer), answer.status, answer.body, answer.durationMs,
    answer.statusAt ? toPlace(answer.statusAt) : null, answer.durationAt ? toPlace(answer.durationAt) : null,
  ];
  const credentials: StoredFacts[9] = facts.credentials.map((c) => [
    c.location, c.name, c.fingerprint, c.preview, c.length, c.leadingWhitespace, c.trailingWhitespace, c.lineBreak, c.sighting && toSighting(c.sighting),
  ]);
  const rejectingLines: StoredFacts[10] = facts.rejectingLines.map((l) => [toSighting(l), l.says, l.label, l.location, l.name]);
  const interceptors: StoredFacts[11] = facts.interceptors.map((mention) => [mention.name, toPlace(mention)]);
  // Last: the places above fill the list of files.
  return [
    files, facts.time, facts.method, facts.uri, facts.api, facts.resource, facts.app, facts.clientIp,
    response, credentials, rejectingLines, interceptors, facts.extraFields, facts.traceLineCount, facts.userAgent,
  ];
}

/**
 * The facts a segment stored for this call, checked. Segments written before
 * the stored form existed hold the objects themselves: they are put in that
 * form first, so that one schema checks both.
 */
export function factsFromStored(callRef: string, stored: unknown): CallFacts {
  const parsed = storedFactsSchema.safeParse(Array.isArray(stored) ? stored : storedFromObjects(stored));
  if (!parsed.success) throw new Error(`stored facts of call ${callRef} are not readable: ${z.prettifyError(parsed.error)}`);
  const [files, time, method, uri, api, resource, app, clientIp, response, credentials, rejectingLines, interceptors, extraFields, traceLineCount, userAgent = null] =
    parsed.data;
  const fileAt = (index: number) => {
    const file = files[index];
    if (file === undefined) throw new Error(`stored facts of call ${callRef} name file ${index} of ${files.length}`);
    return file;
  };
  const toPlace = ([file, seq, time]: z.infer<typeof place>): Place => ({ file: fileAt(file), seq, time });
  const toSighting = ([file, line, seq, time, text]: z.infer<typeof sighting>): Sighting => ({ file: fileAt(file), line, seq, time, text });
  return {
    callRef,
    time,
    method,
    uri,
    api,
    resource,
    app,
    clientIp,
    userAgent,
    response: response && responseFrom(response, fileAt, toPlace),
    credentials: credentials.map(
      ([location, name, fingerprint, preview, length, leadingWhitespace, trailingWhitespace, lineBreak, seen]): CarriedCredential => ({
        fingerprint, preview, length, leadingWhitespace, trailingWhitespace, lineBreak, location, name, sighting: seen && toSighting(seen),
      }),
    ),
    // Literals, not spreads: an object spread into and then added to keeps
    // its extra fields out of line, and the facts of every call a
    // delete-upload re-classifies are held at once.
    rejectingLines: rejectingLines.map(
      ([[file, line, seq, time, text], says, label, location, name]): RejectingLine => ({ file: fileAt(file), line, seq, time, text, says, label, location, name }),
    ),
    interceptors: interceptors.map(([name, [file, seq, time]]): InterceptorMention => ({ name, file: fileAt(file), seq, time })),
    extraFields,
    traceLineCount,
  };
}

function responseFrom(
  [[file, line, seq, time, text], status, body, durationMs, statusAt, durationAt]: z.infer<typeof response>,
  fileAt: (index: number) => string,
  toPlace: (stored: z.infer<typeof place>) => Place,
): CallResponse {
  const answer: CallResponse = { file: fileAt(file), line, seq, time, text, status, body, durationMs };
  if (statusAt) answer.statusAt = toPlace(statusAt);
  if (durationAt) answer.durationAt = toPlace(durationAt);
  return answer;
}

function storedFromObjects(stored: unknown): unknown {
  try {
    return storedFacts(stored as CallFacts);
  } catch {
    return stored; // not even shaped like facts: the schema says what is wrong
  }
}
