package dev.quarry.models.state;

/** The state store on a DuckDB file. */
class DuckDbStateStoreTest extends StateStoreCases {
    DuckDbStateStoreTest() {
        super(StateStore.Kind.DUCKDB);
    }
}
