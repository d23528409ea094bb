package dev.quarry.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.starrocks.StarRocksType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFramingTest {
    private static PgTypeMapping.Mapped column(String name, boolean plain) {
        return new PgTypeMapping.Mapped(name, StarRocksType.Scalar.BIGINT, true, PgSql.ident(name), plain);
    }

    @Test
    void onlyColumnsThatMayHoldAnythingAreEnclosed() {
        String copy = CsvFraming.copy("SELECT 1", List.of(column("id", true), column("note", false), column("Odd \"Name\"", false)));
        assertThat(copy).isEqualTo("COPY (SELECT 1) TO STDOUT WITH (FORMAT csv, DELIMITER ',', NULL '\\N', QUOTE '\"', ESCAPE '\"',"
                + " FORCE_QUOTE (\"note\", \"Odd \"\"Name\"\"\"), ENCODING 'UTF8')");
    }

    @Test
    void allPlainColumnsNeedNoForceQuote() {
        assertThat(CsvFraming.copy("SELECT 1", List.of(column("id", true)))).doesNotContain("FORCE_QUOTE");
    }
}
