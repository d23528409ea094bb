select order_date, currency, orders, revenue from demo_analytics.daily_revenue order by order_date desc, currency limit 6;

select * from demo_analytics.top_customers order by lifetime_value desc, user_id limit 3;

select event_name, sum(events) as events from demo_analytics.events_per_day group by event_name order by event_name;
