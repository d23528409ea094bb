select * from demo_analytics__dev.customer_ltv order by user_id limit 3;

select * from demo_analytics.customer_ltv order by user_id limit 3;
