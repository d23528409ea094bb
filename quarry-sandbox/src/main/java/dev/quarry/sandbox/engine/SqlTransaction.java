package dev.quarry.sandbox.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * StarRocks 3.5's SQL transactions (docs/starrocks.md §5.7): BEGIN / START TRANSACTION … COMMIT |
 * ROLLBACK around INSERT INTO statements of one database. A table written in the transaction may not be read or
 * written again before COMMIT, so the INSERTs are held back and run together, atomically, at COMMIT.
 */
final class SqlTransaction {
    private final DuckSession session;
    private final Dml dml;
    private List<String> statements;
    private String database;
    private final Set<String> touched = new HashSet<>();
    private String label;

    SqlTransaction(DuckSession session, Dml dml) {
        this.session = session;
        this.dml = dml;
    }

    boolean active() {
        return statements != null;
    }

    StatementResult begin() throws SqlError {
        if (active()) {
            // No nesting (docs/starrocks.md §5.7).
            throw SqlError.analysis(
                    "Transaction " + label + " is already in progress, nested transactions are not supported");
        }
        statements = new ArrayList<>();
        touched.clear();
        database = null;
        label = "txn_" + UUID.randomUUID();
        return StatementResult.Ok.of(0);
    }

    StatementResult dml(Cursor c) throws SqlError {
        Token head = c.next();
        if (!head.isWord("INSERT") || c.isWord("OVERWRITE")) {
            throw SqlError.analysis("Only INSERT INTO is supported in a transaction; " + head.upper()
                    + (c.isWord("OVERWRITE") ? " OVERWRITE" : "") + " is not");
        }
        c.expectWord("INTO");
        c.acceptWord("TABLE");
        TableDef t = session.requireTable(c.qualifiedName());
        if (database != null && !database.equals(t.db())) {
            throw new SqlError(
                    5303,
                    "HY000",
                    "Getting analyzing error. Detail message: Cannot execute cross-database "
                            + "transactions. All DML target tables must belong to the same db");
        }
        checkRead(c);
        String key = t.db() + "." + t.name();
        if (touched.contains(key)) {
            throw notAllowed();
        }
        database = t.db();
        touched.add(key);
        // Qualify with the current database now: COMMIT may run after a USE.
        statements.add(session.currentDatabase() + "\u0000" + c.sql());
        return new StatementResult.Ok(0, 0, "{'label':'" + label + "', 'status':'PREPARE', 'txnId':''}");
    }

    /** Refuses reading a table this transaction has written (docs/starrocks.md §5.7, ErrorCode 5304). */
    void checkRead(Cursor c) throws SqlError {
        if (!active() || touched.isEmpty()) {
            return;
        }
        List<Token> tokens = c.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isIdentifier()) {
                continue;
            }
            String qualified;
            if (i + 2 < tokens.size()
                    && tokens.get(i + 1).isSymbol(".")
                    && tokens.get(i + 2).isIdentifier()) {
                qualified = t.value() + "." + tokens.get(i + 2).value();
            } else {
                qualified = session.currentDatabase() + "." + t.value();
            }
            if (touched.contains(qualified) && (i == 0 || !tokens.get(i - 1).isSymbol("."))) {
                throw notAllowed();
            }
        }
    }

    private static SqlError notAllowed() {
        return new SqlError(
                5304,
                "HY000",
                "Getting analyzing error. Detail message: NOT allowed to read or write tables "
                        + "that have been subjected to DML operations before");
    }

    StatementResult commit() throws SqlError {
        if (!active()) {
            return StatementResult.Ok.of(0);
        }
        List<String> work = statements;
        String original = session.currentDatabase();
        statements = null;
        touched.clear();
        long rows = session.engine.inTransaction(() -> {
            long n = 0;
            for (String s : work) {
                int sep = s.indexOf('\u0000');
                String db = s.substring(0, sep);
                if (!db.equals("null")) {
                    session.useDatabase(db);
                }
                StatementResult r = dml.run(new Cursor(s.substring(sep + 1)));
                n += ((StatementResult.Ok) r).affectedRows();
            }
            return n;
        });
        if (original != null) {
            session.useDatabase(original);
        } else if (session.currentDatabase() != null) {
            session.forgetDatabase(session.currentDatabase());
        }
        return new StatementResult.Ok(rows, 0, "{'label':'" + label + "', 'status':'VISIBLE', 'txnId':''}");
    }

    StatementResult rollback() {
        discard();
        return StatementResult.Ok.of(0);
    }

    void discard() {
        statements = null;
        touched.clear();
        database = null;
    }
}
