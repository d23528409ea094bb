-- One statement per line that StarRocks' SQL reference accepts (docs/sql.md §7). Lines starting with "-- " are notes.
SELECT 1
SELECT 1;
select 1 + 2 * 3
SELECT 1 FROM DUAL
SELECT * FROM t
SELECT t.* FROM t
SELECT db.t.* FROM db.t
SELECT a, b AS bee, c cee, d AS 'dee', e "eee" FROM t
SELECT DISTINCT a FROM t
SELECT ALL a FROM t
SELECT a FROM t WHERE b = 1 AND c <> 2 OR d != 3
SELECT a FROM t WHERE NOT b
SELECT a FROM t WHERE b <=> NULL
SELECT a FROM t WHERE b IS NULL AND c IS NOT NULL
SELECT a FROM t WHERE b IN (1, 2, 3)
SELECT a FROM t WHERE b NOT IN ('x', 'y')
SELECT a FROM t WHERE b IN (SELECT b FROM u)
SELECT a FROM t WHERE b NOT IN (SELECT b FROM u WHERE u.c = t.c)
SELECT a FROM t WHERE (a, b) IN (SELECT a, b FROM u)
SELECT a FROM t WHERE b BETWEEN 1 AND 10
SELECT a FROM t WHERE b NOT BETWEEN 1 AND 10 AND c > 0
SELECT a FROM t WHERE b LIKE 'a%'
SELECT a FROM t WHERE b NOT LIKE '%\_%'
SELECT a FROM t WHERE b RLIKE '^a.*'
SELECT a FROM t WHERE b REGEXP '[0-9]+'
SELECT a FROM t WHERE b NOT REGEXP 'x'
SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.id = t.id)
SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u)
SELECT a FROM t WHERE b = (SELECT max(b) FROM u)
SELECT a FROM t WHERE b > (SELECT avg(b) FROM t)
SELECT (SELECT count(*) FROM u) AS n FROM t
SELECT a FROM t WHERE b && c || d
SELECT a XOR b FROM t
SELECT a FROM t ORDER BY a
SELECT a FROM t ORDER BY a DESC, b ASC
SELECT a FROM t ORDER BY a DESC NULLS LAST, b NULLS FIRST
SELECT a FROM t ORDER BY 1
SELECT a FROM t LIMIT 10
SELECT a FROM t LIMIT 10 OFFSET 20
SELECT a FROM t LIMIT 20, 10
SELECT a FROM t ORDER BY a LIMIT 5
SELECT a, count(*) FROM t GROUP BY a
SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > 1
SELECT a, b, sum(c) FROM t GROUP BY ROLLUP(a, b)
SELECT a, b, sum(c) FROM t GROUP BY CUBE(a, b)
SELECT a, b, sum(c) FROM t GROUP BY GROUPING SETS ((a, b), (a), ())
SELECT a, b, grouping(a), grouping_id(a, b), sum(c) FROM t GROUP BY ROLLUP(a, b)
SELECT a, count(DISTINCT b) FROM t GROUP BY 1
SELECT count(*), count(1), count(a), count(DISTINCT a, b) FROM t
SELECT sum(a), avg(a), min(a), max(a), sum(DISTINCT a) FROM t
SELECT group_concat(a) FROM t
SELECT group_concat(DISTINCT a ORDER BY a DESC SEPARATOR '; ') FROM t
SELECT array_agg(a ORDER BY b) FROM t
SELECT array_agg(DISTINCT a) FROM t
SELECT approx_count_distinct(a), ndv(a), bitmap_union_count(to_bitmap(a)), hll_union_agg(hll_hash(a)) FROM t
SELECT percentile_approx(a, 0.5), percentile_cont(a, 0.9) FROM t
SELECT a, row_number() OVER (PARTITION BY b ORDER BY c) FROM t
SELECT a, rank() OVER (ORDER BY c DESC) AS r, dense_rank() OVER (ORDER BY c) FROM t
SELECT a, ntile(4) OVER (ORDER BY a) FROM t
SELECT a, lead(a, 1, 0) OVER (PARTITION BY b ORDER BY c) FROM t
SELECT a, lag(a IGNORE NULLS, 2) OVER (ORDER BY c) FROM t
SELECT a, first_value(a) IGNORE NULLS OVER (PARTITION BY b ORDER BY c) FROM t
SELECT a, last_value(a) OVER (ORDER BY c ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM t
SELECT sum(a) OVER (ORDER BY c ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t
SELECT sum(a) OVER (ORDER BY c ROWS BETWEEN CURRENT ROW AND 3 FOLLOWING) FROM t
SELECT sum(a) OVER (ORDER BY c RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t
SELECT sum(a) OVER (ORDER BY c ROWS UNBOUNDED PRECEDING) FROM t
SELECT avg(a) OVER () FROM t
SELECT count(*) OVER (PARTITION BY a) FROM t
SELECT max(a) OVER (PARTITION BY b, c ORDER BY d NULLS FIRST) FROM t
SELECT a FROM t QUALIFY row_number() OVER (PARTITION BY b ORDER BY c) = 1
SELECT a, row_number() OVER (ORDER BY b) AS rn FROM t QUALIFY rn < 3
WITH x AS (SELECT 1 AS a) SELECT a FROM x
WITH x (a, b) AS (SELECT 1, 2), y AS (SELECT a FROM x) SELECT * FROM x, y
WITH x AS (SELECT * FROM t WHERE a > 0) SELECT count(*) FROM x JOIN u ON x.id = u.id
SELECT a FROM t UNION SELECT a FROM u
SELECT a FROM t UNION ALL SELECT a FROM u
SELECT a FROM t UNION DISTINCT SELECT a FROM u
SELECT a FROM t INTERSECT SELECT a FROM u
SELECT a FROM t EXCEPT SELECT a FROM u
SELECT a FROM t MINUS SELECT a FROM u
SELECT a FROM t UNION ALL SELECT a FROM u INTERSECT SELECT a FROM v
(SELECT a FROM t) UNION (SELECT a FROM u) ORDER BY a LIMIT 3
(SELECT a FROM t ORDER BY a LIMIT 1)
SELECT * FROM (SELECT a FROM t) sub
SELECT * FROM (SELECT a FROM t) AS sub
SELECT * FROM (SELECT a, b FROM t) AS sub (x, y)
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (id, name)
SELECT * FROM (VALUES (1), (2)) v
SELECT * FROM t JOIN u ON t.id = u.id
SELECT * FROM t INNER JOIN u ON t.id = u.id
SELECT * FROM t LEFT JOIN u ON t.id = u.id
SELECT * FROM t LEFT OUTER JOIN u ON t.id = u.id
SELECT * FROM t RIGHT JOIN u ON t.id = u.id
SELECT * FROM t RIGHT OUTER JOIN u USING (id)
SELECT * FROM t FULL JOIN u ON t.id = u.id
SELECT * FROM t FULL OUTER JOIN u ON t.id = u.id AND t.x > u.x
SELECT * FROM t CROSS JOIN u
SELECT * FROM t LEFT SEMI JOIN u ON t.id = u.id
SELECT * FROM t LEFT ANTI JOIN u ON t.id = u.id
SELECT * FROM t RIGHT SEMI JOIN u ON t.id = u.id
SELECT * FROM t RIGHT ANTI JOIN u ON t.id = u.id
SELECT * FROM t JOIN [broadcast] u ON t.id = u.id
SELECT * FROM t JOIN [shuffle] u ON t.id = u.id
SELECT * FROM t a JOIN u b ON a.id = b.id JOIN v c ON b.id = c.id
SELECT * FROM t, u WHERE t.id = u.id
SELECT * FROM (t JOIN u ON t.id = u.id)
SELECT * FROM t, unnest(t.arr) AS x(v)
SELECT * FROM t, unnest(t.arr) x
SELECT t.id, u.v FROM t CROSS JOIN LATERAL unnest(t.arr) AS u(v)
SELECT * FROM t, LATERAL unnest(t.a, t.b) AS u(x, y)
SELECT * FROM TABLE(generate_series(1, 10))
SELECT * FROM TABLE(generate_series(1, 10, 2)) AS g(n)
SELECT * FROM generate_series(1, 3)
SELECT * FROM t PARTITION (p1, p2)
SELECT * FROM t PARTITION p1
SELECT * FROM t TEMPORARY PARTITION (tp1)
SELECT * FROM t PARTITIONS (p1) AS x
SELECT * FROM t TABLET (10001, 10002)
SELECT * FROM t AS x [_SYNC_MV_]
SELECT * FROM db.t
SELECT * FROM catalog1.db.t
SELECT * FROM `my table`
SELECT `select`, `from` FROM `order`
SELECT `a``b` FROM t
SELECT * FROM t WHERE `key` = 1 AND `desc` = 'x'
SELECT /*+ SET_VAR(query_timeout = 1) */ a FROM t
SELECT /*+ SET_VAR(query_mem_limit = 2147483648, pipeline_dop = 4) */ DISTINCT a FROM t
SELECT a -- trailing comment
SELECT a /* block */ FROM t
SELECT a # hash comment
SELECT 1 FROM t WHERE a = 'it''s' OR b = "say \"hi\"" OR c = 'tab\there'
SELECT 'a', "b", 1.5, .5, 1e10, 2.5E-3, -1, +2 FROM t
SELECT TRUE, FALSE, NULL
SELECT DATE '2024-01-01', DATETIME '2024-01-01 10:00:00'
SELECT CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END FROM t
SELECT CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' END FROM t
SELECT CAST(a AS INT), CAST(b AS VARCHAR(10)), CAST(c AS DECIMAL(10, 2)), CAST(d AS DATETIME) FROM t
SELECT CAST('1' AS BIGINT), CAST(1 AS BOOLEAN), CAST(1 AS BOOL), CAST(1 AS DOUBLE), CAST(1 AS FLOAT) FROM t
SELECT CAST(a AS ARRAY<INT>), CAST(b AS MAP<VARCHAR(10), INT>), CAST(c AS STRUCT<x INT, y STRING>) FROM t
SELECT CAST(a AS ARRAY<ARRAY<INT>>) FROM t
SELECT CAST(a AS JSON), CAST(j AS STRING), CAST(x AS LARGEINT), CAST(x AS DATE), CAST(x AS CHAR(3)) FROM t
SELECT CAST(a AS SIGNED), CAST(a AS UNSIGNED INT), CAST(a AS DECIMAL64(18, 4)), CAST(a AS DECIMALV2(10, 2)) FROM t
SELECT CONVERT(a, INT) FROM t
SELECT a + INTERVAL 1 DAY, a - INTERVAL 2 HOUR, date_add(a, INTERVAL 3 MONTH) FROM t
SELECT date_sub(now(), INTERVAL 1 WEEK), a + INTERVAL b MINUTE, a + INTERVAL '5' SECOND FROM t
SELECT a + INTERVAL 1 YEAR, a + INTERVAL 1 QUARTER, a - INTERVAL 10 MILLISECOND FROM t
SELECT date_trunc('day', dt), time_slice(dt, INTERVAL 5 MINUTE), date_format(dt, '%Y-%m-%d') FROM t
SELECT extract(year FROM dt), extract(HOUR FROM dt) FROM t
SELECT timestampadd(DAY, 1, dt), timestampdiff(MINUTE, a, b) FROM t
SELECT current_date, current_date(), current_timestamp, current_timestamp(), now(), localtime, localtimestamp() FROM t
SELECT current_user, current_user(), user(), database(), schema(), current_role() FROM t
SELECT if(a > 0, 'y', 'n'), ifnull(a, 0), nullif(a, 0), coalesce(a, b, 0) FROM t
SELECT left('abc', 2), right('abc', 1), replace('abc', 'b', 'x'), mod(7, 3), char(65) FROM t
SELECT a MOD 3, a DIV 2, a % 2, a / 2, a * 2 FROM t
SELECT a & 1, a | 2, a ^ 3, ~a, a << 1, a >> 1, !a FROM t
SELECT -a, +a, - -a FROM t
SELECT [1, 2, 3], [], ['a', 'b'], ARRAY<INT>[1, 2], [[1], [2, 3]]
SELECT arr[1], arr[1][2], m['key'], arr[1:2], arr[:2], arr[2:] FROM t
SELECT map{1: 'a', 2: 'b'}, map{}, MAP<INT, STRING>{1: 'x'}, {'k': 1}
SELECT named_struct('a', 1, 'b', 'x'), row(1, 2), struct(1, 'a') FROM t
SELECT s.a, s.b.c, t.s.a FROM t
SELECT array_map(x -> x + 1, [1, 2, 3]) FROM t
SELECT array_map((x, y) -> x + y, [1, 2], [3, 4]) FROM t
SELECT array_filter(x -> x > 1, arr), array_sortby(x -> -x, arr) FROM t
SELECT any_match(x -> x IS NULL, arr), all_match(x -> x > 0, arr) FROM t
SELECT map_apply((k, v) -> (k, v + 1), m) FROM t
SELECT j -> '$.a', j->'$.b.c', parse_json('{"a": 1}') -> 'a' FROM t
SELECT json_query(j, '$.a'), get_json_int(j, '$.a'), json_object('a', 1), json_array(1, 2) FROM t
SELECT CAST(j -> '$.a' AS INT) FROM t WHERE j -> '$.b' IS NOT NULL
SELECT @v, @@version, @@session.time_zone, @@global.query_timeout, @@SESSION.sql_mode
SELECT ? , ? FROM t WHERE a = ?
SELECT a COLLATE utf8_bin FROM t
SELECT 'abc' LIKE 'a%', 'abc' REGEXP '^a', a BETWEEN b AND c FROM t
SELECT a = b, a < b, a <= b, a > b, a >= b FROM t
SELECT concat(a, b), concat_ws('-', a, b), substr(a, 1, 2), substring(a, 2), length(a), upper(a), lower(a) FROM t
SELECT trim(a), ltrim(a), rtrim(a), lpad(a, 5, '0'), split(a, ','), split_part(a, ',', 1) FROM t
SELECT round(a, 2), floor(a), ceil(a), abs(a), sqrt(a), pow(a, 2), truncate(a, 1), dround(a) FROM t
SELECT from_unixtime(a), unix_timestamp(), str_to_date(s, '%Y-%m-%d'), to_date(dt), year(dt), month(dt), day(dt) FROM t
SELECT hour(dt), minute(dt), second(dt), quarter(dt), week(dt), dayofweek(dt), datediff(a, b), months_between(a, b) FROM t
SELECT md5(a), sha2(a, 256), murmur_hash3_32(a), uuid(), rand(), random() FROM t
SELECT bitmap_count(bitmap_union(b)), hll_cardinality(hll_union(h)), to_bitmap(1), bitmap_empty() FROM t
SELECT array_length(arr), array_contains(arr, 1), array_join(arr, ','), element_at(m, 1), map_keys(m) FROM t
SELECT cardinality(arr), array_slice(arr, 1, 2), reverse(123), current_version() FROM t
SELECT t.a AS `A b`, t.`x y` FROM t
SELECT sum(a) AS total FROM t WHERE dt >= '2024-01-01' AND dt < '2024-02-01' GROUP BY b ORDER BY total DESC LIMIT 10
SELECT a FROM t WHERE a IN (1) OR a IN ((SELECT 1))
SELECT (a + b) * c, ((a)) FROM t
SELECT count(*) FROM t WHERE dt BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'
SELECT 1 AS `order`, 2 AS `key`
SELECT a AS date, b AS time, c AS status, d AS type, e AS comment, f AS name, g AS value, h AS user FROM t
SELECT date, year, month, day, hour, minute, second, count, sum, min, max, avg FROM t
SELECT a FROM t WHERE a = 1 UNION ALL (SELECT a FROM u WHERE a = 2 ORDER BY a LIMIT 1)
SELECT a FROM t INTO OUTFILE 'hdfs://path/x_' FORMAT AS CSV PROPERTIES ("column_separator" = ",")
SELECT * FROM t WHERE a = 1
SELECT a, b FROM t WHERE c IN ('x') AND d IS NULL ORDER BY a LIMIT 100
SELECT 1 FROM t t1 LEFT JOIN t t2 ON t1.a = t2.a LEFT JOIN t t3 ON t2.a = t3.a WHERE t3.a IS NULL
SELECT k, v FROM t WHERE k > 0 GROUP BY k, v HAVING sum(v) > 10 AND max(v) < 100 ORDER BY k
SELECT min_by(a, b), max_by(a, b), any_value(a), retention([a = 1, a = 2]), window_funnel(3600, dt, 0, [a = 1, a = 2]) FROM t
SELECT a.b.c.d FROM a
SELECT DISTINCT t.a, u.b FROM t JOIN u ON t.id = u.id WHERE u.b LIKE '%x%' ORDER BY 1, 2 LIMIT 10, 5
SELECT * FROM t WHERE a IN (SELECT a FROM u UNION SELECT a FROM v)
SELECT * FROM t WHERE a = 1 AND (b = 2 OR c = 3) AND NOT (d = 4)
SELECT a FROM t1
