-- The inbound claim (bot/inbound/claim-inbound-batch.ts) reads only unprocessed rows: without these
-- indexes its plan filtered every processed row kept for the retention period (15–19 ms a claim with
-- 100,000 kept; BENCHMARKS.md "Claims and history; platform calls"). Partial indexes, which
-- prisma/schema.prisma cannot express: they live in this migration only (docs/architecture.md
-- "Toolchain notes").
CREATE INDEX "Inbound_unprocessed_id_idx" ON "Inbound"("id") WHERE "processedAt" IS NULL;

CREATE INDEX "Inbound_unprocessed_senderKey_id_idx" ON "Inbound"("senderKey", "id") WHERE "processedAt" IS NULL;
