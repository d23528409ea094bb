-- The walkthrough's PostgreSQL schema (seeds/000). Data comes from PostgreSQL itself, deterministic except for
-- timestamps, which end at the moment of the run like the walkthrough's now().
CREATE SCHEMA demo_postgres_starrocks;

CREATE TABLE demo_postgres_starrocks.users (
  id int4 PRIMARY KEY, name text NOT NULL, email varchar(255), country char(2) NOT NULL,
  created_at timestamptz NOT NULL);

INSERT INTO demo_postgres_starrocks.users
SELECT g, 'User ' || g, 'user' || g || '@example.com', (ARRAY['US', 'DE', 'BR', 'JP', 'FR'])[1 + g % 5],
  now() - g * INTERVAL '1 minute'
FROM generate_series(1, 10000) g;

CREATE TABLE demo_postgres_starrocks.orders (
  id int8 PRIMARY KEY, user_id int4 NOT NULL, amount numeric(12, 2) NOT NULL, currency char(3) NOT NULL,
  status text NOT NULL, placed_at timestamptz NOT NULL);

-- Every 8 seconds over the last 5.6 days, so the daily models have whole days to fill.
INSERT INTO demo_postgres_starrocks.orders
SELECT g, 1 + (g * 7919) % 10000, 5 + ((g * 37) % 49500) / 100.0, (ARRAY['USD', 'EUR', 'BRL'])[1 + g % 3],
  (ARRAY['paid', 'paid', 'paid', 'cancelled', 'refunded'])[1 + (g * 13) % 5], now() - g * INTERVAL '8 seconds'
FROM generate_series(1, 60000) g;

CREATE TABLE demo_postgres_starrocks.events (
  id int8 PRIMARY KEY, user_id int4 NOT NULL, event_name text NOT NULL, properties jsonb,
  occurred_at timestamptz NOT NULL);

INSERT INTO demo_postgres_starrocks.events
SELECT g, 1 + g % 10000, (ARRAY['view', 'click', 'signup', 'purchase'])[1 + g % 4],
  jsonb_build_object('source', (ARRAY['web', 'mobile'])[1 + g % 2], 'value', g),
  now() - (30001 - g) * INTERVAL '10 seconds'
FROM generate_series(1, 30000) g;
