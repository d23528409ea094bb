INSERT INTO demo_postgres_starrocks.events (id, user_id, event_name, properties, occurred_at)
SELECT 30000 + n, 1 + (n % 10000), 'click', jsonb_build_object('source', 'mobile', 'value', n),
  now() + (n * INTERVAL '1 second')
FROM generate_series(1, 2500) g(n)
