package dev.quarry.replicate.source.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.starrocks.StarRocksType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgCopyTest {
    private static PgTypeMapping.Mapped column(String name) {
        return new PgTypeMapping.Mapped(name, StarRocksType.Scalar.BIGINT, true, PgSql.ident(name));
    }

    @Test
    void postgresqlQuotesOnlyTheValuesThatNeedIt() {
        String copy = PgCopy.copy("SELECT 1", List.of(column("id"), column("note"), column("Odd \"Name\"")));
        assertThat(copy)
                .isEqualTo(
                        "COPY (SELECT 1) TO STDOUT WITH (FORMAT csv, DELIMITER ',', NULL '\\N', QUOTE '\"', ESCAPE '\"',"
                                + " ENCODING 'UTF8')");
    }

    @Test
    void aSingleColumnIsForceQuotedSoAnEmptyStringIsNotAnEmptyLine() {
        assertThat(PgCopy.copy("SELECT 1", List.of(column("Odd \"Name\""))))
                .isEqualTo(
                        "COPY (SELECT 1) TO STDOUT WITH (FORMAT csv, DELIMITER ',', NULL '\\N', QUOTE '\"', ESCAPE '\"',"
                                + " FORCE_QUOTE (\"Odd \"\"Name\"\"\"), ENCODING 'UTF8')");
    }
}
