-- Evidence and carried credentials are written only with their call, in the
-- same statement batch (lib/ingest/write-calls.ts): checking the foreign key
-- on every row cost half of their COPY. Deleting an upload removes the rows
-- of the calls it orphans itself (lib/ingest/delete-upload.ts).
ALTER TABLE "evidence" DROP CONSTRAINT "evidence_call_ref_fkey";
ALTER TABLE "carried_credentials" DROP CONSTRAINT "carried_credentials_call_ref_fkey";

-- No query looks a call up by its refused credential's fingerprint (the
-- fingerprint filter goes through carried_credentials), yet every ingested
-- call paid for this index.
DROP INDEX "calls_credential_fingerprint_idx";
