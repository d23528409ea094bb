select 'users' as t, count(*) as n from demo_postgres_starrocks.users
union all
select 'orders', count(*) from demo_postgres_starrocks.orders
union all
select 'events', count(*) from demo_postgres_starrocks.events;

select id, user_id, amount, currency, status, placed_at
from demo_postgres_starrocks.orders order by id limit 3;

select event_name, properties from demo_postgres_starrocks.events order by id limit 3;
