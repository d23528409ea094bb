select count(*) as total, max(occurred_at) as latest
from demo_postgres_starrocks.events
