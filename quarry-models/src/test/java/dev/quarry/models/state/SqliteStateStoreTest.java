package dev.quarry.models.state;

/** The state store on a SQLite file, the default state. */
class SqliteStateStoreTest extends StateStoreCases {
    SqliteStateStoreTest() {
        super(StateStore.Kind.SQLITE);
    }
}
