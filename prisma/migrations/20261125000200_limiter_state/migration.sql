-- Shared rate-limiter state for instances without Redis (DESIGN §10, "Rate limits hold
-- across instances"). Not user data: only the connecting role and the service role reach it.

-- One Shopify cost bucket per shop, as last estimated: points available at updated_at
-- (reservations already taken off), refilling at restore_rate per second up to max.
CREATE TABLE limiter_buckets (
  key text primary key,
  available double precision not null,
  max double precision not null,
  restore_rate double precision not null,
  updated_at timestamptz not null default now()
);

-- Per-reservation rows, so a crashed process's share expires instead of leaking forever:
-- waiting = false is a query in flight (charged by us, not yet reported by Shopify);
-- waiting = true is a waiter's claim, so small queries of other instances cannot starve it.
CREATE TABLE limiter_reservations (
  id uuid primary key,
  key text not null,
  cost double precision not null,
  waiting boolean not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
CREATE INDEX limiter_reservations_key_idx ON limiter_reservations (key);

-- Every table has RLS enabled and forced; these rows belong to no user, so the policy
-- admits everyone the table is granted to (the owner, and the service role below).
ALTER TABLE limiter_buckets ENABLE ROW LEVEL SECURITY;
ALTER TABLE limiter_buckets FORCE ROW LEVEL SECURITY;
CREATE POLICY limiter_buckets_all ON limiter_buckets USING (true) WITH CHECK (true);
ALTER TABLE limiter_reservations ENABLE ROW LEVEL SECURITY;
ALTER TABLE limiter_reservations FORCE ROW LEVEL SECURITY;
CREATE POLICY limiter_reservations_all ON limiter_reservations USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON limiter_buckets, limiter_reservations TO synclane_service;
