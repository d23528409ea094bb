package dev.quarry.sandbox.engine;

import java.util.Objects;

/**
 * A result-set column as the wire protocol describes it.
 *
 * @param name column label
 * @param type the StarRocks type the value has
 * @param length display length for the column definition packet (e.g. bytes of VARCHAR, precision+2 of DECIMAL)
 * @param scale decimals (DECIMAL scale, DATETIME fractional digits, else 0)
 */
public record ResultColumn(String name, SqlType type, long length, int scale, boolean nullable) {
    public ResultColumn {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
    }
}
