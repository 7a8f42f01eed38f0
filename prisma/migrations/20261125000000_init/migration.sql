-- Synclane initial schema: the seed's tables and strings, plus what the engine needs.
-- Written to run on PostgreSQL 15 and newer.

CREATE TYPE "Platform" AS ENUM ('netsuite', 'shopify');
CREATE TYPE "ConnectionStatus" AS ENUM ('active', 'disabled', 'error');
CREATE TYPE "SyncDirection" AS ENUM ('netsuite-to-shopify', 'shopify-to-netsuite', 'bidirectional');
CREATE TYPE "ItemType" AS ENUM ('product', 'order', 'inventory');
CREATE TYPE "SyncMode" AS ENUM ('delta', 'full');
CREATE TYPE "SyncItemStatus" AS ENUM ('success', 'failed', 'pending');
CREATE TYPE "SyncType" AS ENUM ('manual', 'delta', 'full', 'scheduled');
CREATE TYPE "SyncRunStatus" AS ENUM ('running', 'completed', 'failed', 'partial_success');
CREATE TYPE "SyncTrigger" AS ENUM ('api', 'rest', 'schedule', 'webhook');
CREATE TYPE "SyncItemAction" AS ENUM ('created', 'updated', 'skipped', 'failed');
CREATE TYPE "SyncItemReason" AS ENUM ('unchanged', 'in_progress', 'changed_fields', 'never_synced', 'full_mode',
  'source_missing', 'target_missing', 'connection_missing', 'permanent_error', 'transient_error', 'cancelled');

CREATE TABLE "users" (
  "id" UUID NOT NULL,
  "email" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "connections" (
  "id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "platform" "Platform" NOT NULL,
  "name" TEXT NOT NULL,
  "config" JSONB NOT NULL DEFAULT '{}',
  "credentials" TEXT NOT NULL,
  "status" "ConnectionStatus" NOT NULL DEFAULT 'active',
  "last_error" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "connections_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "connections_user_id_created_at_idx" ON "connections"("user_id", "created_at");

CREATE TABLE "saved_search_patterns" (
  "id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "description" TEXT,
  "direction" "SyncDirection" NOT NULL,
  "filter_config" JSONB NOT NULL DEFAULT '{}',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "saved_search_patterns_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "saved_search_patterns_user_id_name_key" ON "saved_search_patterns"("user_id", "name");
CREATE INDEX "saved_search_patterns_user_id_created_at_idx" ON "saved_search_patterns"("user_id", "created_at");

CREATE TABLE "sync_list" (
  "id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "item_type" "ItemType" NOT NULL,
  "source_platform" "Platform" NOT NULL,
  "target_platform" "Platform" NOT NULL,
  "source_connection_id" UUID,
  "target_connection_id" UUID,
  "source_id" TEXT NOT NULL,
  "target_id" TEXT,
  "sync_mode" "SyncMode" NOT NULL DEFAULT 'delta',
  "is_active" BOOLEAN NOT NULL DEFAULT true,
  "last_synced_at" TIMESTAMPTZ(3),
  "last_sync_status" "SyncItemStatus",
  "error_message" TEXT,
  "filter_config" JSONB,
  "metadata" JSONB NOT NULL DEFAULT '{}',
  "source_version" TEXT,
  "content_hash" TEXT,
  "content_fields" JSONB,
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "next_attempt_at" TIMESTAMPTZ(3),
  "locked_until" TIMESTAMPTZ(3),
  "locked_by" TEXT,
  "priority" INTEGER NOT NULL DEFAULT 0,
  "last_history_item_id" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sync_list_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sync_list_user_id_item_type_source_connection_id_source_id_t_key"
  ON "sync_list"("user_id", "item_type", "source_connection_id", "source_id", "target_connection_id");
CREATE INDEX "sync_list_user_id_created_at_id_idx" ON "sync_list"("user_id", "created_at", "id");
CREATE INDEX "sync_list_user_id_last_sync_status_idx" ON "sync_list"("user_id", "last_sync_status");
CREATE INDEX "sync_list_user_id_is_active_item_type_idx" ON "sync_list"("user_id", "is_active", "item_type");

CREATE TABLE "sync_history" (
  "id" UUID NOT NULL,
  "user_id" UUID,
  "sync_type" "SyncType" NOT NULL,
  "status" "SyncRunStatus" NOT NULL,
  "trigger" "SyncTrigger" NOT NULL DEFAULT 'api',
  "items_processed" INTEGER NOT NULL DEFAULT 0,
  "items_created" INTEGER NOT NULL DEFAULT 0,
  "items_updated" INTEGER NOT NULL DEFAULT 0,
  "items_failed" INTEGER NOT NULL DEFAULT 0,
  "items_skipped" INTEGER NOT NULL DEFAULT 0,
  "items_total" INTEGER NOT NULL DEFAULT 0,
  "duration_ms" INTEGER,
  "metadata" JSONB NOT NULL DEFAULT '{}',
  "parent_id" UUID,
  "instance_id" TEXT,
  "heartbeat_at" TIMESTAMPTZ(3),
  "pending_jobs" INTEGER NOT NULL DEFAULT 0,
  "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
  "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "finished_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sync_history_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sync_history_user_id_created_at_idx" ON "sync_history"("user_id", "created_at");
CREATE INDEX "sync_history_user_id_status_idx" ON "sync_history"("user_id", "status");
CREATE INDEX "sync_history_parent_id_idx" ON "sync_history"("parent_id");
CREATE INDEX "sync_history_status_heartbeat_at_idx" ON "sync_history"("status", "heartbeat_at");

CREATE TABLE "sync_history_items" (
  "id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "history_id" UUID NOT NULL,
  "sync_list_id" UUID,
  "source_id" TEXT,
  "action" "SyncItemAction" NOT NULL,
  "reason" "SyncItemReason" NOT NULL,
  "changed_fields" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "error" TEXT,
  "attempt" INTEGER NOT NULL DEFAULT 1,
  "duration_ms" INTEGER,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sync_history_items_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sync_history_items_history_id_created_at_id_idx" ON "sync_history_items"("history_id", "created_at", "id");
CREATE INDEX "sync_history_items_sync_list_id_created_at_idx" ON "sync_history_items"("sync_list_id", "created_at");
CREATE INDEX "sync_history_items_user_id_created_at_idx" ON "sync_history_items"("user_id", "created_at");

CREATE TABLE "sync_cursors" (
  "user_id" UUID NOT NULL,
  "connection_id" UUID NOT NULL,
  "item_type" "ItemType" NOT NULL,
  "watermark_at" TIMESTAMPTZ(3) NOT NULL,
  "watermark_id" TEXT NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sync_cursors_pkey" PRIMARY KEY ("user_id", "connection_id", "item_type")
);

ALTER TABLE "connections" ADD CONSTRAINT "connections_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "saved_search_patterns" ADD CONSTRAINT "saved_search_patterns_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sync_list" ADD CONSTRAINT "sync_list_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sync_list" ADD CONSTRAINT "sync_list_source_connection_id_fkey" FOREIGN KEY ("source_connection_id") REFERENCES "connections"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sync_list" ADD CONSTRAINT "sync_list_target_connection_id_fkey" FOREIGN KEY ("target_connection_id") REFERENCES "connections"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sync_list" ADD CONSTRAINT "sync_list_last_history_item_id_fkey" FOREIGN KEY ("last_history_item_id") REFERENCES "sync_history_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "sync_history" ADD CONSTRAINT "sync_history_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sync_history" ADD CONSTRAINT "sync_history_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "sync_history"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "sync_history_items" ADD CONSTRAINT "sync_history_items_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sync_history_items" ADD CONSTRAINT "sync_history_items_history_id_fkey" FOREIGN KEY ("history_id") REFERENCES "sync_history"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sync_history_items" ADD CONSTRAINT "sync_history_items_sync_list_id_fkey" FOREIGN KEY ("sync_list_id") REFERENCES "sync_list"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
