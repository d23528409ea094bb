package dev.quarry.starrocks;

import static dev.quarry.starrocks.StarRocksType.Scalar.DATETIME;
import static dev.quarry.starrocks.StarRocksType.Scalar.INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quarry.core.ConfigException;
import dev.quarry.core.QuarryException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * A mistake in what a user wrote is a configuration error (exit 2) with the message it always had, never an
 * IllegalArgumentException.
 */
class InvalidSpecExceptionTest {

    private static ConfigException mistake(ThrowingCallable call) {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, call);
        assertThat(e).as("an InvalidSpecException").isNotNull();
        assertThat(e.kind()).isEqualTo(QuarryException.Kind.CONFIG);
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.location()).isEmpty();
        return e;
    }

    @Test
    void aBadTypeString() {
        ConfigException e = mistake(() -> StarRocksType.parse("DECIMAL(77, 0)"));
        assertThat(e)
                .hasMessage("invalid StarRocks type 'DECIMAL(77, 0)' at position 15: "
                        + "DECIMAL precision must be 1..76 (38 before StarRocks 4.0), got 77");
        assertThat(e.hint()).isEmpty();
    }

    @Test
    void anUnknownKeyColumn() {
        assertThat(mistake(() -> TableSpec.builder("db", "t")
                        .column("a", INT)
                        .primaryKey("id")
                        .build()))
                .hasMessage("table db.t: Key column(id) doesn't exist.");
    }

    @Test
    void aBadPartitionExpression() {
        assertThat(mistake(() -> PartitionSpec.parseExpressions("from_unixtime(ts)")))
                .hasMessage("unsupported partition expression 'from_unixtime(ts)': expected a column, "
                        + "date_trunc('unit', column) or time_slice(column, INTERVAL n unit)");
        assertThat(mistake(() -> PartitionSpec.RangePartition.parse("PARTITION p VALUES LESS THAN ('2024-01-01'")))
                .hasMessage("invalid partition 'PARTITION p VALUES LESS THAN ('2024-01-01'': expected ')'");
    }

    @Test
    void aBadProperty() {
        assertThat(mistake(() -> TableSpec.builder("db", "t")
                        .column("a", INT)
                        .property("replication_num", "0")
                        .build()))
                .hasMessage("table db.t: replication_num must be a positive integer, got '0'");
    }

    @Test
    void aBadDistributionRefreshAndLoadOption() {
        assertThat(mistake(() -> Distribution.parse("HASH(id) BUCKETS 0")))
                .hasMessage("BUCKETS must be a positive number, got 0");
        assertThat(mistake(() -> RefreshSpec.parse("LATER", null)))
                .hasMessage("refresh_moment must be IMMEDIATE or DEFERRED, got 'LATER'");
        assertThat(mistake(() -> LoadOptions.csv().withColumnSeparator("")))
                .hasMessage("column_separator must be 1 to 50 bytes");
    }

    @Test
    void aFeatureTheTargetReleaseLacks() {
        TableSpec t = TableSpec.builder("db", "t")
                .column("ts", DATETIME)
                .partition(PartitionSpec.parseExpressions("date_trunc('day', ts)"))
                .build();
        assertThat(mistake(() -> StarRocksDialect.forVersion(StarRocksVersion.parse("2.5.0"))
                        .createTable(t, false)))
                .hasMessage("table db.t: expression partitioning (PARTITION BY date_trunc(...)) "
                        + "needs StarRocks 3.0.0 or later; the target is 2.5.0");
    }

    @Test
    void unknownNamesSuggestTheClosestKnownOne() {
        ConfigException type = mistake(() -> StarRocksType.parse("STRIN"));
        assertThat(type.problem()).isEqualTo("invalid StarRocks type 'STRIN' at position 6: unknown type 'STRIN'");
        assertThat(type.hint()).contains("did you mean STRING?");
        assertThat(type).hasMessage(type.problem() + " (did you mean STRING?)");

        ConfigException unit = mistake(() -> PartitionSpec.parseExpressions("date_trunc('days', ts)"));
        assertThat(unit.problem()).isEqualTo("partition expression 'date_trunc('days', ts)': unknown time unit 'days'");
        assertThat(unit.hint()).contains("did you mean DAY?");
    }

    @Test
    void aVersionStringOutsideIntRangeIsNotAVersion() {
        assertThat(mistake(() -> StarRocksVersion.parse("StarRocks version 99999999999.1")))
                .hasMessage("not a StarRocks version: 'StarRocks version 99999999999.1'");
    }

    @Test
    void programmerErrorsStayIllegalArguments() {
        assertThatThrownBy(() -> Labels.derive("db.t", "run", -1)).isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        TableSpec.builder("db", "t").column("a", INT).build().withDefaultReplicationNum(0))
                .isExactlyInstanceOf(IllegalArgumentException.class);
    }
}
