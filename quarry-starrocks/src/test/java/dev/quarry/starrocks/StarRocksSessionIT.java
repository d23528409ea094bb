package dev.quarry.starrocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.output.ResultTable;
import dev.quarry.testing.TestingSandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StarRocksSession and StarRocksCatalog over the sandbox's MySQL port. */
class StarRocksSessionIT {
    @Test
    void runsStatementsAndReadsTheCatalog() throws SQLException {
        TestingSandbox sandbox = TestingSandbox.get();
        String db = sandbox.createDatabase("session");
        try (Connection c = sandbox.connect(db);
                StarRocksSession session = StarRocksSession.of(c)) {
            StarRocksDialect dialect =
                    StarRocksDialect.forVersion(session.probe().version());
            session.ping();
            assertThat(session.versionComment())
                    .hasValueSatisfying(v -> assertThat(v).contains("StarRocks"));
            TableSpec orders = TableSpec.builder(db, "orders")
                    .column(ColumnSpec.of("id", StarRocksType.Scalar.BIGINT))
                    .column(ColumnSpec.of("day", StarRocksType.Scalar.DATE))
                    .column(ColumnSpec.of("note", StarRocksType.varchar(20)))
                    .primaryKey("id")
                    .distribution(Distribution.hash(List.of("id")))
                    .build()
                    .withDefaultReplicationNum(1);
            session.execute(dialect.createTable(orders, false));
            session.execute("INSERT INTO orders VALUES (1, '2026-01-01', 'a'), (2, '2026-01-02', NULL)");

            StarRocksCatalog catalog = session.catalog();
            assertThat(catalog.databases()).contains(db, "information_schema");
            assertThat(catalog.tables(db)).containsExactly("orders");
            assertThat(catalog.tableExists(db, "orders")).isTrue();
            assertThat(catalog.tableExists(db, "Orders"))
                    .as("table names are case-sensitive")
                    .isFalse();
            assertThat(catalog.columnNames(db, "orders")).containsExactly("id", "day", "note");
            assertThat(catalog.columnNames(db, "missing")).isEmpty();
            assertThat(catalog.columns(db, "orders").orElseThrow())
                    .extracting(col -> col.name() + " " + col.type().sql())
                    .containsExactly("id BIGINT", "day DATE", "note VARCHAR(20)");
            StarRocksCatalog.TableKeys keys = catalog.keys(db, "orders").orElseThrow();
            assertThat(keys.keyType()).isEqualTo(KeyType.PRIMARY);
            assertThat(keys.keyColumns()).containsExactly("id");
            assertThat(keys.distributionColumns()).containsExactly("id");
            assertThat(catalog.keys(db, "missing")).isEmpty();
            assertThat(catalog.partitions(db, "orders")).containsExactly("orders");
            assertThat(catalog.relations()).contains(new StarRocksCatalog.Relation(db, "orders", "BASE TABLE"));
            assertThat(catalog.allColumns())
                    .contains(new StarRocksCatalog.Column(db, "orders", 3, "note", "varchar", "YES"));

            assertThat(session.queryValue(StarRocksQueries.countRows(db, "orders")))
                    .contains("2");
            assertThat(session.queryValue(StarRocksQueries.selectMax(db, "orders", "id", false)))
                    .contains("2");
            ResultTable table = session.query("SELECT id, note FROM orders ORDER BY id", 1);
            assertThat(table.rows()).hasSize(1);
            assertThat(table.truncated()).isTrue();

            List<String> seen = new ArrayList<>();
            session.run(
                    "SELECT COUNT(*) AS n FROM orders",
                    0,
                    t -> seen.add("rows " + t.rows()),
                    n -> seen.add("updated " + n));
            session.run(
                    "DELETE FROM orders WHERE id = 2",
                    0,
                    t -> seen.add("rows " + t.rows()),
                    n -> seen.add("updated " + n));
            assertThat(seen).hasSize(2).first().isEqualTo("rows [[2]]");
            assertThat(seen.get(1)).startsWith("updated ");

            assertThatThrownBy(() -> session.execute("SELECT * FROM no_such_table"))
                    .isInstanceOf(StarRocksSqlException.class)
                    .satisfies(e ->
                            assertThat(((StarRocksSqlException) e).firstLine()).contains("no_such_table"));
        }
    }
}
