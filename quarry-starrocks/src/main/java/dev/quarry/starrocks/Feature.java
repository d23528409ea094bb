package dev.quarry.starrocks;

/**
 * StarRocks features that appeared in a given release: the one list of version gates.
 * Sources: spec/starrocks.md §2–§5.
 */
public enum Feature {
    /** Stream Load transaction interface, /api/transaction/* (§2). */
    STREAM_LOAD_TRANSACTION(2, 4, 0, "the Stream Load transaction interface"),
    /** REFRESH MATERIALIZED VIEW ... WITH SYNC MODE (§5: 2.5.8 / 3.1.0). */
    REFRESH_SYNC_MODE(2, 5, 8, "REFRESH MATERIALIZED VIEW ... WITH SYNC MODE"),
    /** ORDER BY on a PRIMARY KEY table (§3.3). */
    ORDER_BY_PRIMARY_KEY(3, 0, 0, "ORDER BY on a PRIMARY KEY table"),
    /** Expression partitioning with date_trunc / time_slice (§3.4). */
    EXPRESSION_PARTITIONING(3, 0, 0, "expression partitioning (PARTITION BY date_trunc(...))"),
    /** AUTO_INCREMENT columns (§3.1). */
    AUTO_INCREMENT(3, 0, 0, "AUTO_INCREMENT columns"),
    /** BINARY / VARBINARY (§4). */
    VARBINARY(3, 0, 0, "the VARBINARY type"),
    /** PARTITION BY LIST and column-expression partitioning (§3.4). */
    LIST_PARTITIONING(3, 1, 0, "LIST partitioning"),
    /** DISTRIBUTED BY RANDOM (§3.5). */
    RANDOM_DISTRIBUTION(3, 1, 0, "DISTRIBUTED BY RANDOM"),
    /** ORDER BY on DUPLICATE / AGGREGATE / UNIQUE KEY tables (§3.3). */
    ORDER_BY_ANY_TABLE(3, 3, 0, "ORDER BY on a DUPLICATE, AGGREGATE or UNIQUE KEY table"),
    /** INSERT OVERWRITE that replaces only the partitions present in the new data: session variable dynamic_overwrite (§5). */
    DYNAMIC_OVERWRITE(3, 4, 0, "dynamic partition overwrite (dynamic_overwrite)"),
    /** CREATE VIEW ... SECURITY {NONE|INVOKER} (§5). */
    VIEW_SECURITY(3, 4, 1, "CREATE VIEW ... SECURITY"),
    /** SQL BEGIN ... COMMIT around INSERTs (§5). */
    SQL_TRANSACTION(3, 5, 0, "SQL transactions (BEGIN ... COMMIT)"),
    /** DECIMAL with precision 39..76 (§4). */
    DECIMAL256(4, 0, 0, "DECIMAL with precision above 38"),
    /** VARCHAR longer than 1048576 bytes (§4). */
    LONG_VARCHAR(4, 2, 0, "VARCHAR longer than 1048576 bytes");

    private final StarRocksVersion since;
    private final String description;

    Feature(int major, int minor, int patch, String description) {
        this.since = new StarRocksVersion(major, minor, patch);
        this.description = description;
    }

    public StarRocksVersion since() {
        return since;
    }

    public boolean supportedBy(StarRocksVersion version) {
        return version.atLeast(since);
    }

    /** Throws a one-line error naming the feature, the release it needs and the target release. */
    void require(StarRocksVersion target, String where) {
        if (!supportedBy(target)) {
            throw new IllegalArgumentException(where + ": " + description + " needs StarRocks " + since
                    + " or later; the target is " + target);
        }
    }
}
