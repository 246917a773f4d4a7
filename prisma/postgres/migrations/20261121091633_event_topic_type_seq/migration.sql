-- CreateIndex
CREATE INDEX "Event_topic_type_seq_idx" ON "Event"("topic", "type", "seq");

