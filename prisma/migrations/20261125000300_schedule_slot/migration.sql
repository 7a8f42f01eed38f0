-- One system-level row per scheduled slot: several instances ticking at once insert it
-- once (ON CONFLICT DO NOTHING), and only the winner enqueues the slot's jobs.
ALTER TABLE "sync_history" ADD COLUMN "schedule_slot" TEXT;
CREATE UNIQUE INDEX "sync_history_schedule_slot_key" ON "sync_history"("schedule_slot");
