-- Which key the database's credential fingerprints were made with: a check
-- value derived from it (scrypt with a random salt), never the key itself,
-- recorded by the first process that uses a key with this database
-- (lib/credentials/key-check.ts). A process with another key is refused: its
-- fingerprints would split one credential's calls in two. One row at most:
-- the CHECK (not written by Prisma, which keeps no check constraints) holds
-- the key column to true.
-- CreateTable
CREATE TABLE "fingerprint_key_check" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "salt" TEXT NOT NULL,
    "check_value" TEXT NOT NULL,

    CONSTRAINT "fingerprint_key_check_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "fingerprint_key_check_one_row" CHECK ("id")
);
