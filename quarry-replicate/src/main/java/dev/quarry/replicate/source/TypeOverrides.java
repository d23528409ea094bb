package dev.quarry.replicate.source;

import dev.quarry.replicate.config.ReplicationConfigException;
import dev.quarry.starrocks.StarRocksType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The types a stream's {@code columns:} may name, shared by every source (docs/sling.md §3.3). */
public final class TypeOverrides {
    private static final Pattern DECIMAL = Pattern.compile("decimal\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");
    private static final Pattern STRING = Pattern.compile("string\\s*\\(\\s*(\\d+)\\s*\\)");

    private TypeOverrides() {}

    /**
     * A {@code columns:} type: Sling's general names or any StarRocks type. {@code unboundedDecimal} is what a bare
     * {@code decimal} means for this source; {@code where} names the column in errors.
     */
    public static StarRocksType parse(String text, String where, StarRocksType unboundedDecimal) {
        String lower = text.toLowerCase(Locale.ROOT).trim();
        Matcher m = STRING.matcher(lower);
        if (m.matches()) {
            return StarRocksType.varchar(Integer.parseInt(m.group(1)));
        }
        m = DECIMAL.matcher(lower);
        if (m.matches()) {
            if (m.group(1) == null) {
                return unboundedDecimal;
            }
            return StarRocksType.decimal(
                    Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
        }
        switch (lower) {
            case "string" -> {
                return StarRocksType.varchar(StarRocksType.STRING_LENGTH);
            }
            case "text" -> {
                return StarRocksType.varchar(StarRocksType.VARCHAR_MAX);
            }
            case "integer" -> {
                return StarRocksType.Scalar.BIGINT;
            }
            case "bool" -> {
                return StarRocksType.Scalar.BOOLEAN;
            }
            case "float" -> {
                return StarRocksType.Scalar.DOUBLE;
            }
            case "datetime", "timestamp", "timestampz" -> {
                return StarRocksType.Scalar.DATETIME;
            }
            case "binary" -> {
                return StarRocksType.varbinary(StarRocksType.VARCHAR_MAX);
            }
            case "uuid" -> {
                return StarRocksType.varchar(36);
            }
            case "time", "timez" -> {
                return StarRocksType.varchar(24);
            }
            default -> {
                try {
                    return StarRocksType.parse(text);
                } catch (RuntimeException e) {
                    throw new ReplicationConfigException(
                            "columns: '" + text + "' for " + where + " is not a type: " + e.getMessage());
                }
            }
        }
    }

    /** Whether values of {@code type} travel as text (a {@code columns:} override to text takes any value). */
    public static boolean isText(StarRocksType type) {
        return type instanceof StarRocksType.Varchar
                || type instanceof StarRocksType.Char
                || type == StarRocksType.Scalar.STRING;
    }
}
