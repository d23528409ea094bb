package dev.quarry.starrocks;

/**
 * StarRocks features that appeared in a given release: the one list of version gates.
 * Sources: docs/starrocks.md §10.
 */
public enum Feature {
    /** Stream Load transaction interface, /api/transaction/* (docs/starrocks.md §2). */
    STREAM_LOAD_TRANSACTION(2, 4, 0, "the Stream Load transaction interface"),
    /** REFRESH MATERIALIZED VIEW ... WITH SYNC MODE (docs/starrocks.md §5.6: 2.5.8 / 3.1.0). */
    REFRESH_SYNC_MODE(2, 5, 8, "REFRESH MATERIALIZED VIEW ... WITH SYNC MODE"),
    /** ORDER BY on a PRIMARY KEY table (docs/starrocks.md §3.4). */
    ORDER_BY_PRIMARY_KEY(3, 0, 0, "ORDER BY on a PRIMARY KEY table"),
    /** Expression partitioning with date_trunc / time_slice (docs/starrocks.md §3.5). */
    EXPRESSION_PARTITIONING(3, 0, 0, "expression partitioning (PARTITION BY date_trunc(...))"),
    /** AUTO_INCREMENT columns (docs/starrocks.md §3.1). */
    AUTO_INCREMENT(3, 0, 0, "AUTO_INCREMENT columns"),
    /** BINARY / VARBINARY (docs/starrocks.md §4.2). */
    VARBINARY(3, 0, 0, "the VARBINARY type"),
    /** PARTITION BY LIST and column-expression partitioning (docs/starrocks.md §3.5). */
    LIST_PARTITIONING(3, 1, 0, "LIST partitioning"),
    /** DISTRIBUTED BY RANDOM (docs/starrocks.md §3.6). */
    RANDOM_DISTRIBUTION(3, 1, 0, "DISTRIBUTED BY RANDOM"),
    /** ORDER BY on DUPLICATE / AGGREGATE / UNIQUE KEY tables (docs/starrocks.md §3.4). */
    ORDER_BY_ANY_TABLE(3, 3, 0, "ORDER BY on a DUPLICATE, AGGREGATE or UNIQUE KEY table"),
    /** INSERT OVERWRITE that replaces only the partitions present in the new data: session variable dynamic_overwrite (docs/starrocks.md §5.2). */
    DYNAMIC_OVERWRITE(3, 4, 0, "dynamic partition overwrite (dynamic_overwrite)"),
    /** CREATE VIEW ... SECURITY {NONE|INVOKER} (docs/starrocks.md §5.5). */
    VIEW_SECURITY(3, 4, 1, "CREATE VIEW ... SECURITY"),
    /** SQL BEGIN ... COMMIT around INSERTs (docs/starrocks.md §5.7). */
    SQL_TRANSACTION(3, 5, 0, "SQL transactions (BEGIN ... COMMIT)"),
    /** DECIMAL with precision 39..76 (docs/starrocks.md §4.1). */
    DECIMAL256(4, 0, 0, "DECIMAL with precision above 38"),
    /** VARCHAR longer than 1048576 bytes (docs/starrocks.md §4.2). */
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
            throw new InvalidSpecException(
                    where + ": " + description + " needs StarRocks " + since + " or later; the target is " + target);
        }
    }
}
