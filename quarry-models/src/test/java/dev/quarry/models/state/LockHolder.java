package dev.quarry.models.state;

import dev.quarry.models.project.ProjectConfig;
import java.nio.file.Path;

/** A second process holding a state's lock, for {@link StateStoreCases#anotherProcessHoldsTheLockUntilItDies}. */
final class LockHolder {
    private LockHolder() {}

    /**
     * Holds the lock of the state given as arguments until killed: kind, project directory, schema, and
     * for postgres host, port, user and database (the password comes in the environment).
     */
    public static void main(String[] args) throws Exception {
        ProjectConfig.StateConnection state = switch (StateStore.Kind.valueOf(args[0])) {
            case SQLITE -> new ProjectConfig.StateConnection.Sqlite(".quarry/state.db");
            case DUCKDB -> new ProjectConfig.StateConnection.DuckDb(".quarry/state.duckdb");
            case POSTGRES ->
                new ProjectConfig.StateConnection.Postgres(
                        args[3], Integer.parseInt(args[4]), args[5], System.getenv("STATE_PASSWORD"), args[6]);
        };
        StateStore store = StateStore.open(state, Path.of(args[1]), args[2]);
        store.lock("plan from another process");
        System.out.println("locked");
        System.out.flush();
        // Until killed, or until the test's JVM is gone and with it the other end of standard input.
        int read;
        do {
            read = System.in.read();
        } while (read >= 0);
    }
}
