-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "secret" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ModelEndpoint" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "baseUrl" TEXT,
    "model" TEXT NOT NULL,
    "apiKey" TEXT,
    "maxConcurrency" INTEGER NOT NULL DEFAULT 8,
    "priceInPerMTok" DOUBLE PRECISION,
    "priceOutPerMTok" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModelEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Corpus" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "report" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Corpus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorpusFile" (
    "id" TEXT NOT NULL,
    "corpusId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "language" TEXT,
    "bytes" INTEGER NOT NULL,
    "skipped" TEXT,

    CONSTRAINT "CorpusFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Snippet" (
    "id" TEXT NOT NULL,
    "corpusId" TEXT NOT NULL,
    "fileId" TEXT,
    "language" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "tokens" INTEGER NOT NULL,
    "startLine" INTEGER NOT NULL DEFAULT 1,
    "hash" TEXT NOT NULL,
    "dropped" TEXT,
    "droppedRef" TEXT,

    CONSTRAINT "Snippet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "corpusId" TEXT,
    "config" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "stage" TEXT,
    "counts" JSONB,
    "usage" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agent" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "profile" TEXT NOT NULL,
    "operations" JSONB NOT NULL,
    "seedSampleId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemoryEntry" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "sampleId" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "insertedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "evictedAt" TIMESTAMP(3),

    CONSTRAINT "MemoryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reflection" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "sampleId" TEXT,
    "merits" TEXT NOT NULL,
    "faults" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reflection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "discussionId" TEXT NOT NULL,
    "agentId" TEXT,
    "role" TEXT NOT NULL,
    "language" TEXT,
    "content" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sample" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "snippetId" TEXT,
    "agentId" TEXT,
    "part" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "instruction" TEXT NOT NULL,
    "solution" TEXT NOT NULL,
    "tests" TEXT,
    "score" DOUBLE PRECISION,
    "scores" JSONB,
    "justification" TEXT,
    "filtered" BOOLEAN NOT NULL DEFAULT false,
    "filterReason" TEXT,
    "curation" TEXT NOT NULL DEFAULT 'pending',
    "verdict" TEXT,
    "stepKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Sample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SampleRevision" (
    "id" TEXT NOT NULL,
    "sampleId" TEXT NOT NULL,
    "instruction" TEXT NOT NULL,
    "solution" TEXT NOT NULL,
    "tests" TEXT,
    "author" TEXT NOT NULL DEFAULT 'user',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SampleRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Execution" (
    "id" TEXT NOT NULL,
    "sampleId" TEXT,
    "language" TEXT NOT NULL,
    "programHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "exitCode" INTEGER,
    "stdout" TEXT NOT NULL,
    "stderr" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Execution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "errorKind" TEXT,
    "lastError" TEXT,
    "result" JSONB,
    "runId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "seq" SERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "TrainingJob" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "backend" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "command" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "token" TEXT NOT NULL,
    "externalId" TEXT,
    "logTail" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricPoint" (
    "id" SERIAL NOT NULL,
    "trainingJobId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "endpoint" TEXT,
    "config" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "summary" JSONB,
    "reference" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvalResult" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "benchmark" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "sampleIndex" INTEGER NOT NULL DEFAULT 0,
    "completion" TEXT NOT NULL,
    "program" TEXT,
    "status" TEXT NOT NULL,
    "stdout" TEXT,
    "stderr" TEXT,

    CONSTRAINT "EvalResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ModelEndpoint_name_key" ON "ModelEndpoint"("name");

-- CreateIndex
CREATE INDEX "CorpusFile_corpusId_idx" ON "CorpusFile"("corpusId");

-- CreateIndex
CREATE INDEX "Snippet_corpusId_language_idx" ON "Snippet"("corpusId", "language");

-- CreateIndex
CREATE INDEX "Snippet_hash_idx" ON "Snippet"("hash");

-- CreateIndex
CREATE INDEX "Run_createdAt_idx" ON "Run"("createdAt");

-- CreateIndex
CREATE INDEX "Agent_runId_language_idx" ON "Agent"("runId", "language");

-- CreateIndex
CREATE INDEX "MemoryEntry_agentId_evictedAt_idx" ON "MemoryEntry"("agentId", "evictedAt");

-- CreateIndex
CREATE INDEX "Reflection_agentId_idx" ON "Reflection"("agentId");

-- CreateIndex
CREATE INDEX "Message_runId_discussionId_idx" ON "Message"("runId", "discussionId");

-- CreateIndex
CREATE INDEX "Sample_runId_part_language_idx" ON "Sample"("runId", "part", "language");

-- CreateIndex
CREATE INDEX "Sample_runId_curation_idx" ON "Sample"("runId", "curation");

-- CreateIndex
CREATE UNIQUE INDEX "Sample_runId_stepKey_key" ON "Sample"("runId", "stepKey");

-- CreateIndex
CREATE INDEX "SampleRevision_sampleId_idx" ON "SampleRevision"("sampleId");

-- CreateIndex
CREATE INDEX "Execution_language_programHash_idx" ON "Execution"("language", "programHash");

-- CreateIndex
CREATE INDEX "Execution_sampleId_idx" ON "Execution"("sampleId");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_runId_idx" ON "Job"("runId");

-- CreateIndex
CREATE INDEX "Event_topic_seq_idx" ON "Event"("topic", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingJob_token_key" ON "TrainingJob"("token");

-- CreateIndex
CREATE INDEX "MetricPoint_trainingJobId_name_step_idx" ON "MetricPoint"("trainingJobId", "name", "step");

-- CreateIndex
CREATE INDEX "EvalResult_evaluationId_language_idx" ON "EvalResult"("evaluationId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "EvalResult_evaluationId_benchmark_language_problem_sampleIn_key" ON "EvalResult"("evaluationId", "benchmark", "language", "problem", "sampleIndex");

-- AddForeignKey
ALTER TABLE "CorpusFile" ADD CONSTRAINT "CorpusFile_corpusId_fkey" FOREIGN KEY ("corpusId") REFERENCES "Corpus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snippet" ADD CONSTRAINT "Snippet_corpusId_fkey" FOREIGN KEY ("corpusId") REFERENCES "Corpus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snippet" ADD CONSTRAINT "Snippet_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "CorpusFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_corpusId_fkey" FOREIGN KEY ("corpusId") REFERENCES "Corpus"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agent" ADD CONSTRAINT "Agent_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemoryEntry" ADD CONSTRAINT "MemoryEntry_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sample" ADD CONSTRAINT "Sample_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SampleRevision" ADD CONSTRAINT "SampleRevision_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "Sample"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Execution" ADD CONSTRAINT "Execution_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "Sample"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricPoint" ADD CONSTRAINT "MetricPoint_trainingJobId_fkey" FOREIGN KEY ("trainingJobId") REFERENCES "TrainingJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvalResult" ADD CONSTRAINT "EvalResult_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

