-- CreateTable
CREATE TABLE "DpoPair" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "sampleId" TEXT,
    "language" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "chosen" TEXT NOT NULL,
    "rejected" TEXT NOT NULL,
    "chosenVerdict" TEXT,
    "rejectedVerdict" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DpoPair_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DpoPair_runId_language_idx" ON "DpoPair"("runId", "language");

-- CreateIndex
CREATE INDEX "Sample_runId_id_idx" ON "Sample"("runId", "id");

-- CreateIndex
CREATE INDEX "Sample_runId_score_id_idx" ON "Sample"("runId", "score", "id");

-- CreateIndex
CREATE INDEX "Sample_score_id_idx" ON "Sample"("score", "id");

-- CreateIndex
CREATE INDEX "Sample_language_id_idx" ON "Sample"("language", "id");

-- CreateIndex
CREATE INDEX "Sample_part_id_idx" ON "Sample"("part", "id");

-- CreateIndex
CREATE INDEX "Sample_curation_id_idx" ON "Sample"("curation", "id");

-- CreateIndex
CREATE INDEX "Sample_verdict_id_idx" ON "Sample"("verdict", "id");


-- Full-text search of the samples table (hand-written: Prisma has no model for it).
-- FTS5 with the trigram tokenizer matches any substring of 3+ characters, case-insensitive,
-- like LIKE '%q%' but through an index. External content: the text stays in "Sample"; the
-- triggers keep the index in step. It is keyed by Sample's implicit rowid, which a VACUUM may
-- renumber: `xinstruct samples reindex` rebuilds it.
CREATE VIRTUAL TABLE "SampleSearch" USING fts5(instruction, solution, content='Sample', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER "Sample_search_ai" AFTER INSERT ON "Sample" BEGIN
  INSERT INTO "SampleSearch"(rowid, instruction, solution) VALUES (new.rowid, new.instruction, new.solution);
END;
CREATE TRIGGER "Sample_search_ad" AFTER DELETE ON "Sample" BEGIN
  INSERT INTO "SampleSearch"("SampleSearch", rowid, instruction, solution) VALUES ('delete', old.rowid, old.instruction, old.solution);
END;
CREATE TRIGGER "Sample_search_au" AFTER UPDATE OF instruction, solution ON "Sample" BEGIN
  INSERT INTO "SampleSearch"("SampleSearch", rowid, instruction, solution) VALUES ('delete', old.rowid, old.instruction, old.solution);
  INSERT INTO "SampleSearch"(rowid, instruction, solution) VALUES (new.rowid, new.instruction, new.solution);
END;
INSERT INTO "SampleSearch"("SampleSearch") VALUES ('rebuild');
