-- Row-level security (DESIGN §2). Every user-owned table: RLS enabled AND forced, with
-- select/insert/update/delete policies on the transaction-local app.user_id.
-- `nullif(..., '')`: on a pooled connection a transaction-local setting that has come
-- and gone reads back as '' (not NULL), and ''::uuid would raise.
--
-- Roles are cluster-wide while migrations run per database (and several test databases
-- or instances migrate at once), so creation tolerates a concurrent creator.
DO $$
BEGIN
  CREATE ROLE synclane_app NOLOGIN NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$
BEGIN
  CREATE ROLE synclane_service NOLOGIN BYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- The connecting user must be able to SET ROLE to both (a superuser can already).
DO $$
BEGIN
  EXECUTE format('GRANT synclane_app, synclane_service TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO synclane_app, synclane_service;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO synclane_app, synclane_service;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO synclane_app, synclane_service;

-- users: a user sees only their own row.
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
CREATE POLICY users_select ON "users" FOR SELECT USING (id = nullif(current_setting('app.user_id', true), '')::uuid);
CREATE POLICY users_insert ON "users" FOR INSERT WITH CHECK (id = nullif(current_setting('app.user_id', true), '')::uuid);
CREATE POLICY users_update ON "users" FOR UPDATE USING (id = nullif(current_setting('app.user_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.user_id', true), '')::uuid);
CREATE POLICY users_delete ON "users" FOR DELETE USING (id = nullif(current_setting('app.user_id', true), '')::uuid);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['connections', 'saved_search_patterns', 'sync_list', 'sync_history', 'sync_history_items', 'sync_cursors']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (user_id = nullif(current_setting(''app.user_id'', true), '''')::uuid)', t || '_select', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (user_id = nullif(current_setting(''app.user_id'', true), '''')::uuid)', t || '_insert', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (user_id = nullif(current_setting(''app.user_id'', true), '''')::uuid) WITH CHECK (user_id = nullif(current_setting(''app.user_id'', true), '''')::uuid)', t || '_update', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (user_id = nullif(current_setting(''app.user_id'', true), '''')::uuid)', t || '_delete', t);
  END LOOP;
END $$;
