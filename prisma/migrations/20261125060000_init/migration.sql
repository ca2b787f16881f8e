-- CreateEnum
CREATE TYPE "Cause" AS ENUM ('missing_credential', 'malformed_credential', 'invalid_expired_revoked', 'no_resource_access', 'invalid_unspecified', 'unknown');

-- CreateEnum
CREATE TYPE "CredentialElement" AS ENUM ('access_token', 'client_id', 'custom');

-- CreateEnum
CREATE TYPE "CredentialLocation" AS ENUM ('header', 'query', 'cookie');

-- CreateEnum
CREATE TYPE "TraceFormat" AS ENUM ('text', 'json_lines', 'json_document');

-- CreateEnum
CREATE TYPE "UploadSource" AS ENUM ('http', 'cli');

-- CreateEnum
CREATE TYPE "EvidenceRole" AS ENUM ('decisive', 'response', 'gateway_verdict');

-- CreateTable
CREATE TABLE "uploads" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "source" "UploadSource" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "file_count" INTEGER NOT NULL,
    "duplicate_files" INTEGER NOT NULL,
    "byte_count" BIGINT NOT NULL,
    "line_count" INTEGER NOT NULL,
    "calls_added" INTEGER NOT NULL,
    "calls_updated" INTEGER NOT NULL,
    "rejections_by_cause" JSONB NOT NULL DEFAULT '{}',
    "gateway_events" INTEGER NOT NULL,

    CONSTRAINT "uploads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "upload_files" (
    "id" UUID NOT NULL,
    "upload_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "format" "TraceFormat" NOT NULL,
    "gzip" BOOLEAN NOT NULL,
    "byte_count" BIGINT NOT NULL,
    "line_count" INTEGER NOT NULL,

    CONSTRAINT "upload_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calls" (
    "call_ref" TEXT NOT NULL,
    "time" TIMESTAMPTZ(3),
    "method" TEXT,
    "uri" TEXT,
    "api" TEXT,
    "resource" TEXT,
    "app" TEXT,
    "client_ip" TEXT,
    "status" INTEGER,
    "duration_ms" INTEGER,
    "response_body" TEXT,
    "extra_fields" JSONB NOT NULL DEFAULT '{}',
    "rejected" BOOLEAN NOT NULL,
    "cause" "Cause",
    "credential_element" "CredentialElement",
    "credential_label" TEXT,
    "credential_location" "CredentialLocation",
    "credential_name" TEXT,
    "credential_fingerprint" TEXT,
    "interceptor" TEXT,
    "trace_line_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calls_pkey" PRIMARY KEY ("call_ref")
);

-- CreateTable
CREATE TABLE "call_contributions" (
    "call_ref" TEXT NOT NULL,
    "upload_id" UUID NOT NULL,
    "facts" JSONB NOT NULL,

    CONSTRAINT "call_contributions_pkey" PRIMARY KEY ("call_ref","upload_id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "call_ref" TEXT NOT NULL,
    "role" "EvidenceRole" NOT NULL,
    "file" TEXT NOT NULL,
    "line" INTEGER,
    "text" TEXT NOT NULL,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("call_ref","role")
);

-- CreateTable
CREATE TABLE "trace_lines" (
    "call_ref" TEXT NOT NULL,
    "file_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "line" INTEGER,
    "time" TIMESTAMPTZ(3),
    "level" TEXT,
    "text" TEXT NOT NULL,

    CONSTRAINT "trace_lines_pkey" PRIMARY KEY ("call_ref","file_id","seq")
);

-- CreateTable
CREATE TABLE "carried_credentials" (
    "call_ref" TEXT NOT NULL,
    "location" "CredentialLocation" NOT NULL,
    "name" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "preview" TEXT NOT NULL,
    "length" INTEGER NOT NULL,
    "leading_whitespace" BOOLEAN NOT NULL,
    "trailing_whitespace" BOOLEAN NOT NULL,
    "line_break" BOOLEAN NOT NULL,

    CONSTRAINT "carried_credentials_pkey" PRIMARY KEY ("call_ref","location","name","fingerprint")
);

-- CreateTable
CREATE TABLE "gateway_events" (
    "file_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "time" TIMESTAMPTZ(3),
    "level" TEXT,
    "text" TEXT NOT NULL,

    CONSTRAINT "gateway_events_pkey" PRIMARY KEY ("file_id","seq")
);

-- CreateIndex
CREATE INDEX "uploads_created_at_idx" ON "uploads"("created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "upload_files_sha256_key" ON "upload_files"("sha256");

-- CreateIndex
CREATE INDEX "upload_files_upload_id_idx" ON "upload_files"("upload_id");

-- CreateIndex
CREATE INDEX "calls_time_call_ref_idx" ON "calls"("time" DESC, "call_ref");

-- CreateIndex
CREATE INDEX "calls_rejected_time_idx" ON "calls"("rejected", "time" DESC);

-- CreateIndex
CREATE INDEX "calls_cause_time_idx" ON "calls"("cause", "time" DESC);

-- CreateIndex
CREATE INDEX "calls_status_time_idx" ON "calls"("status", "time" DESC);

-- CreateIndex
CREATE INDEX "calls_api_time_idx" ON "calls"("api", "time" DESC);

-- CreateIndex
CREATE INDEX "calls_app_time_idx" ON "calls"("app", "time" DESC);

-- CreateIndex
CREATE INDEX "calls_credential_fingerprint_idx" ON "calls"("credential_fingerprint");

-- CreateIndex
CREATE INDEX "call_contributions_upload_id_idx" ON "call_contributions"("upload_id");

-- CreateIndex
CREATE INDEX "trace_lines_file_id_idx" ON "trace_lines"("file_id");

-- CreateIndex
CREATE INDEX "carried_credentials_fingerprint_idx" ON "carried_credentials"("fingerprint");

-- AddForeignKey
ALTER TABLE "upload_files" ADD CONSTRAINT "upload_files_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "uploads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_contributions" ADD CONSTRAINT "call_contributions_call_ref_fkey" FOREIGN KEY ("call_ref") REFERENCES "calls"("call_ref") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_contributions" ADD CONSTRAINT "call_contributions_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "uploads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_call_ref_fkey" FOREIGN KEY ("call_ref") REFERENCES "calls"("call_ref") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trace_lines" ADD CONSTRAINT "trace_lines_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "upload_files"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "carried_credentials" ADD CONSTRAINT "carried_credentials_call_ref_fkey" FOREIGN KEY ("call_ref") REFERENCES "calls"("call_ref") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gateway_events" ADD CONSTRAINT "gateway_events_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "upload_files"("id") ON DELETE CASCADE ON UPDATE CASCADE;
