package dev.quarry.sandbox.engine;

/**
 * SHOW, DESC and ADMIN statements: matches the words after SHOW and hands the rest of the statement to
 * {@link ShowCatalog} (databases, tables and other catalog objects) or {@link ShowServer} (variables, nodes, status).
 */
final class Show {
    private final ShowCatalog catalog;
    private final ShowServer server;

    Show(DuckSession session) {
        this.catalog = new ShowCatalog(session);
        this.server = new ShowServer(session);
    }

    StatementResult run(Cursor c) throws SqlError {
        boolean full = c.acceptWord("FULL");
        if (c.acceptWord("DATABASES") || c.acceptWord("SCHEMAS")) {
            return catalog.databases(c);
        }
        if (c.acceptWord("TABLES")) {
            return catalog.tables(c, full);
        }
        if (c.acceptWord("CREATE")) {
            return catalog.create(c);
        }
        if (c.acceptWord("COLUMNS") || c.acceptWord("FIELDS")) {
            return catalog.tableColumns(c, full);
        }
        if (c.isWord("VARIABLES")
                || c.isWord("SESSION", "VARIABLES")
                || c.isWord("GLOBAL", "VARIABLES")
                || c.isWord("LOCAL", "VARIABLES")) {
            return server.variables(c);
        }
        if (c.acceptWord("BACKENDS")) {
            return server.backends();
        }
        if (c.acceptWord("FRONTENDS")) {
            return server.frontends();
        }
        if (c.acceptWord("PROC")) {
            return server.proc(c);
        }
        if (c.acceptWord("INDEX") || c.acceptWord("INDEXES") || c.acceptWord("KEYS")) {
            return catalog.indexes(c);
        }
        if (c.acceptWord("ALTER", "TABLE")) {
            return catalog.alterJobs(c);
        }
        if (c.acceptWord("WARNINGS") || c.acceptWord("ERRORS")) {
            return server.warnings();
        }
        if (c.acceptWord("STATUS") || c.isWord("SESSION", "STATUS") || c.isWord("GLOBAL", "STATUS")) {
            return server.status();
        }
        if (c.acceptWord("ENGINES")) {
            return server.engines();
        }
        if (c.acceptWord("CHARSET") || c.acceptWord("CHARACTER", "SET")) {
            return server.charset();
        }
        if (c.acceptWord("COLLATION")) {
            return server.collation();
        }
        if (c.acceptWord("PROCESSLIST")) {
            return server.processlist();
        }
        if (c.acceptWord("CATALOGS")) {
            return server.catalogs();
        }
        if (c.acceptWord("GRANTS")) {
            return server.grants();
        }
        if (c.acceptWord("MATERIALIZED", "VIEWS")) {
            return catalog.materializedViews(c);
        }
        if (c.acceptWord("TEMPORARY", "PARTITIONS") || c.acceptWord("PARTITIONS")) {
            return catalog.partitions(c);
        }
        if (c.acceptWord("TABLE", "STATUS")) {
            return catalog.tableStatus(c);
        }
        throw c.unexpected("DATABASES, TABLES, CREATE, COLUMNS, VARIABLES, BACKENDS, PROC");
    }

    StatementResult describe(Cursor c) throws SqlError {
        return catalog.describe(c);
    }

    /** ADMIN SET FRONTEND CONFIG ("k" = "v"); ADMIN SHOW FRONTEND CONFIG [LIKE 'p'] (docs/starrocks.md §5.8). */
    StatementResult admin(Cursor c) throws SqlError {
        return server.admin(c);
    }
}
