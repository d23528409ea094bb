/**
 * StarRocks on the client side, the one place that knows its syntax: specs checked like StarRocks checks them
 * ({@link dev.quarry.starrocks.TableSpec}, {@link dev.quarry.starrocks.ViewSpec},
 * {@link dev.quarry.starrocks.MaterializedViewSpec}, {@link dev.quarry.starrocks.StarRocksType}), SQL rendered from them
 * by {@link dev.quarry.starrocks.StarRocksDialect} for one release and the read-only queries by
 * {@link dev.quarry.starrocks.StarRocksQueries}, the Stream Load client
 * ({@link dev.quarry.starrocks.StreamLoader}, {@link dev.quarry.starrocks.StreamLoadTransaction}) and
 * {@link dev.quarry.starrocks.ClusterProbe}. What StarRocks would refuse in a spec, type string, load option or label, or
 * a feature the target release lacks, fails with {@link dev.quarry.starrocks.InvalidSpecException}, a configuration
 * error (exit 2).
 *
 * <pre>{@code
 * ClusterProbe probe = ClusterProbe.of(jdbcConnection);
 * StarRocksDialect dialect = StarRocksDialect.forVersion(probe.version());
 * TableSpec orders = TableSpec.builder("demo", "orders")
 *         .column(ColumnSpec.of("amount", StarRocksType.decimal(12, 2)))
 *         .column(ColumnSpec.of("id", StarRocksType.Scalar.BIGINT))
 *         .primaryKey("id")
 *         .distribution(Distribution.hash(List.of("id")))
 *         .build()
 *         .withDefaultReplicationNum(probe.defaultReplicationNum());
 * statement.execute(dialect.createTable(orders, true));
 * StreamLoader loader = StreamLoader.builder(URI.create("http://fe:8030"), "root", "").build();
 * loader.load("demo", "orders", Labels.derive("demo.orders", runId, 0), LoadOptions.csv(), body);
 * }</pre>
 */
package dev.quarry.starrocks;
