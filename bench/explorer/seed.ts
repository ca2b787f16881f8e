import pg from "pg";

export type SeedReport = {
  calls: number;
  carriedCredentials: number;
  rejected: number;
  /** Calls matching the benchmark's filter (rejected, cause in two, header). */
  matching: number;
  callsSeconds: number;
  credentialsSeconds: number;
  vacuumAnalyzeSeconds: number;
  totalSeconds: number;
  tableMb: number;
  indexesMb: number;
};

/**
 * Fills a freshly migrated database with `count` calls in plain SQL
 * (generate_series), from a fixed seed so that every run sees the same data.
 *
 * The mix, chosen to look like a busy gateway's week:
 * - times over the 7 days before `end`, in ingest order (a trace is uploaded
 *   in the order it was written) with a minute of jitter;
 * - 60% rejected; causes skewed: invalid/expired/revoked 35%, no access to
 *   the resource 25%, missing 18%, malformed 10%, invalid (unspecified) 8%,
 *   unknown 4%;
 * - credential in a header 75%, the query 15%, a cookie 10%; an access token
 *   65%, a client id 30%, a custom key 5%, under five names;
 * - 30 APIs and 50 apps, both skewed (a few busy ones, a long tail);
 * - status 200 (or none logged) when passed; 401, 403 for no access, or none
 *   logged when rejected; five interceptors;
 * - rejected calls that carried a credential (all but `missing_credential`)
 *   have a fingerprint, from a skewed pool of 20,000 tokens, and the matching
 *   `carried_credentials` row the list query joins.
 */
export async function seedCalls(url: string, count: number, end: Date): Promise<SeedReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '256MB'");
    // setseed makes random() repeat from run to run (the INSERT runs serially).
    await client.query("SELECT setseed(0.4242)");
    const started = performance.now();
    await client.query(INSERT_CALLS, [count, end.toISOString()]);
    const callsDone = performance.now();
    const credentials = await client.query(INSERT_CARRIED_CREDENTIALS);
    const credentialsDone = performance.now();
    // VACUUM as well as ANALYZE: sets the visibility map as autovacuum would
    // soon after an upload, and keeps autovacuum from waking mid-measurement.
    await client.query("VACUUM (ANALYZE) calls");
    await client.query("VACUUM (ANALYZE) carried_credentials");
    const finished = performance.now();
    const { rows } = await client.query<{ rejected: number; matching: number; table_mb: number; indexes_mb: number }>(`
      SELECT count(*) FILTER (WHERE rejected)::int AS rejected,
             count(*) FILTER (WHERE rejected AND cause IN ('no_resource_access', 'invalid_expired_revoked')
                                AND credential_location = 'header')::int AS matching,
             pg_table_size('calls') / 1048576.0 AS table_mb,
             pg_indexes_size('calls') / 1048576.0 AS indexes_mb
        FROM calls`);
    const row = rows[0];
    if (!row) throw new Error("no row from the seed summary");
    return {
      calls: count,
      carriedCredentials: credentials.rowCount ?? 0,
      rejected: row.rejected,
      matching: row.matching,
      callsSeconds: (callsDone - started) / 1000,
      credentialsSeconds: (credentialsDone - callsDone) / 1000,
      vacuumAnalyzeSeconds: (finished - credentialsDone) / 1000,
      totalSeconds: (finished - started) / 1000,
      tableMb: Number(row.table_mb),
      indexesMb: Number(row.indexes_mb),
    };
  } finally {
    await client.end();
  }
}

// One random draw per attribute (layer d), attributes that depend on others
// (layer a), then the row. Skew comes from powers of a uniform draw.
const INSERT_CALLS = `
INSERT INTO calls (call_ref, time, method, uri, api, resource, app, client_ip, status, duration_ms, response_body,
                   rejected, cause, credential_element, credential_label, credential_location, credential_name,
                   credential_fingerprint, interceptor, trace_line_count)
SELECT a.call_ref, a.time, a.method,
       '/' || a.api || '/v1/' || a.resource || '/' || (a.i % 9973),
       a.api, '/v1/' || a.resource, a.app,
       '10.' || (a.i % 251) || '.' || ((a.i / 251) % 251) || '.' || (a.i % 13 + 1),
       CASE WHEN NOT a.rejected THEN CASE WHEN a.r_status < 0.97 THEN 200 END
            WHEN a.r_status >= 0.93 THEN NULL
            WHEN a.cause = 'no_resource_access' AND a.r_status < 0.8 THEN 403
            ELSE 401 END,
       (5 + a.r_duration ^ 3 * 2000)::int,
       CASE WHEN a.rejected THEN '{"result":"Unauthorized","details":"' || a.cause || '"}' END,
       a.rejected, a.cause, a.element, a.label, a.location, a.name,
       CASE WHEN a.rejected AND a.cause <> 'missing_credential'
            THEN encode(sha256(convert_to('token-' || floor(a.r_token ^ 2 * 20000)::int, 'UTF8')), 'hex') END,
       CASE WHEN a.cause IS NULL OR a.cause = 'unknown' THEN NULL
            WHEN a.cause = 'no_resource_access' THEN 'access-control'
            WHEN a.element = 'client_id' THEN 'validate-client-id'
            WHEN a.element = 'custom' THEN 'validate-api-key'
            WHEN a.r_token < 0.5 THEN 'validate-oauth'
            ELSE 'validate-jwt' END,
       3 + (a.r_duration * 17)::int
  FROM (
    SELECT d.i, d.r_status, d.r_duration, d.r_token, d.rejected,
           md5('call-' || d.i)::uuid::text AS call_ref,
           $2::timestamptz - interval '7 days' * (1 - d.i::float8 / $1::int) + interval '1 minute' * (d.r_jitter - 0.5) AS time,
           CASE WHEN d.r_method < 0.60 THEN 'GET' WHEN d.r_method < 0.85 THEN 'POST' WHEN d.r_method < 0.93 THEN 'PUT'
                WHEN d.r_method < 0.98 THEN 'DELETE' ELSE 'PATCH' END AS method,
           'api-' || lpad((1 + floor(d.r_api ^ 2 * 30))::int::text, 2, '0') AS api,
           'app-' || lpad((1 + floor(d.r_app ^ 3 * 50))::int::text, 2, '0') AS app,
           (ARRAY['orders', 'customers', 'payments', 'accounts', 'products', 'shipments'])[1 + floor(d.r_resource * 6)::int] AS resource,
           CASE WHEN NOT d.rejected THEN NULL
                WHEN d.r_cause < 0.35 THEN 'invalid_expired_revoked'
                WHEN d.r_cause < 0.60 THEN 'no_resource_access'
                WHEN d.r_cause < 0.78 THEN 'missing_credential'
                WHEN d.r_cause < 0.88 THEN 'malformed_credential'
                WHEN d.r_cause < 0.96 THEN 'invalid_unspecified'
                ELSE 'unknown' END::"Cause" AS cause,
           CASE WHEN d.r_location < 0.75 THEN 'header' WHEN d.r_location < 0.90 THEN 'query' ELSE 'cookie' END::"CredentialLocation" AS location,
           CASE WHEN d.r_element < 0.65 THEN 'access_token' WHEN d.r_element < 0.95 THEN 'client_id' ELSE 'custom' END::"CredentialElement" AS element,
           CASE WHEN d.r_element < 0.65 THEN 'Access token' WHEN d.r_element < 0.95 THEN 'Client ID' ELSE 'API key' END AS label,
           CASE WHEN d.r_element < 0.40 THEN 'Authorization' WHEN d.r_element < 0.65 THEN 'access_token'
                WHEN d.r_element < 0.95 THEN 'client_id' WHEN d.r_location < 0.90 THEN 'x-api-key' ELSE 'session' END AS name
      FROM (
        SELECT i, random() < 0.6 AS rejected, random() AS r_cause, random() AS r_location, random() AS r_element,
               random() AS r_api, random() AS r_app, random() AS r_resource, random() AS r_method, random() AS r_status,
               random() AS r_duration, random() AS r_token, random() AS r_jitter
          FROM generate_series(1, $1::int) AS i
      ) d
  ) a`;

const INSERT_CARRIED_CREDENTIALS = `
INSERT INTO carried_credentials (call_ref, location, name, fingerprint, preview, length,
                                 leading_whitespace, trailing_whitespace, line_break)
SELECT call_ref, credential_location, credential_name, credential_fingerprint,
       substr(credential_fingerprint, 1, 4) || '…' || substr(credential_fingerprint, 62, 3),
       CASE credential_element WHEN 'access_token' THEN 36 WHEN 'client_id' THEN 24 ELSE 40 END,
       cause = 'malformed_credential' AND right(call_ref, 1) < '8',
       cause = 'malformed_credential' AND right(call_ref, 1) >= '8',
       false
  FROM calls
 WHERE credential_fingerprint IS NOT NULL`;
