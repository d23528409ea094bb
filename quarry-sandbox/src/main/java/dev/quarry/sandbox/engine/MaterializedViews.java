package dev.quarry.sandbox.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Async materialized views (docs/starrocks.md §5.6), materialized as DuckDB tables. IMMEDIATE fills at creation;
 * ASYNC views refresh shortly after a base table changes and, with EVERY, on schedule, from a background thread;
 * MANUAL views only on REFRESH MATERIALIZED VIEW.
 */
final class MaterializedViews {
    private static final long POLL_MILLIS = 500;
    /** No session stands behind a refresh: StarRocks evaluates MV queries in its default time zone (docs/starrocks.md §4.5). */
    private static final ZoneId MV_ZONE = ZoneId.of("Asia/Shanghai");
    /** Hidden property holding why an MV is inactive; ShowCreate leaves "__" properties out. */
    static final String INACTIVE_REASON = "__inactive_reason";
    /** StarRocks' reason for ALTER MATERIALIZED VIEW ... INACTIVE (AlterJobMgr.MANUAL_INACTIVE_MV_REASON). */
    private static final String MANUAL_INACTIVE = "user use alter materialized view set status to inactive";

    private static final String SWAPPED = "base-table swapped: ";

    private final DuckEngine engine;
    /** "db\0mv" → when it became stale. */
    private final Map<String, Long> dirty = new ConcurrentHashMap<>();

    private final Map<String, Long> lastRefresh = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> refreshes;

    MaterializedViews(DuckEngine engine) {
        this.engine = engine;
    }

    void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-mv-refresh");
            t.setDaemon(true);
            return t;
        });
        // tick() catches its own failures, so the periodic task never completes exceptionally; shutdownNow() ends it.
        refreshes = scheduler.scheduleWithFixedDelay(this::tick, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (scheduler != null) {
            refreshes.cancel(false);
            scheduler.shutdownNow();
        }
    }

    private static String key(String db, String name) {
        return db + "\u0000" + name;
    }

    /** The refresh clause as parsed. */
    record Refresh(boolean immediate, String scheme, long everySeconds, String text) {}

    private void tick() {
        engine.lock.lock();
        try {
            long now = engine.clock().millis();
            for (TableDef mv : engine.catalog.allTables()) {
                if (mv.kind() != TableDef.Kind.MATERIALIZED_VIEW) {
                    continue;
                }
                Refresh r = parseRefresh(mv.refresh());
                if (!r.scheme().equals("ASYNC") || inactiveReason(mv) != null) {
                    continue;
                }
                String k = key(mv.db(), mv.name());
                boolean due = dirty.containsKey(k);
                if (r.everySeconds() > 0) {
                    long last = lastRefresh.getOrDefault(k, mv.createdMillis());
                    due |= now - last >= r.everySeconds() * 1000;
                }
                if (due) {
                    try {
                        refresh(mv);
                    } catch (SqlError e) {
                        // A failing refresh stays stale and is retried; StarRocks records the error on the task run.
                        lastRefresh.put(k, now);
                    }
                }
            }
        } catch (RuntimeException e) {
            // Keep the scheduler alive: an unexpected failure must not stop future refreshes.
        } finally {
            engine.lock.unlock();
        }
    }

    static Refresh parseRefresh(String text) {
        if (text == null) {
            return new Refresh(true, "MANUAL", 0, "MANUAL");
        }
        String upper = text.toUpperCase(Locale.ROOT);
        boolean deferred = upper.contains("DEFERRED");
        String scheme = upper.contains("ASYNC") ? "ASYNC" : upper.contains("INCREMENTAL") ? "INCREMENTAL" : "MANUAL";
        long every = 0;
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("INTERVAL\\s+(\\d+)\\s+(\\w+)").matcher(upper);
        if (m.find()) {
            long n = Long.parseLong(m.group(1));
            every = n
                    * switch (m.group(2)) {
                        case "SECOND" -> 1;
                        case "MINUTE" -> 60;
                        case "HOUR" -> 3600;
                        case "DAY" -> 86400;
                        case "WEEK" -> 7 * 86400;
                        case "MONTH" -> 30 * 86400;
                        default -> 60;
                    };
        }
        return new Refresh(!deferred, scheme, every, text);
    }

    String refreshType(TableDef mv) {
        return parseRefresh(mv.refresh()).scheme();
    }

    StatementResult create(DuckSession session, Cursor c) throws SqlError {
        boolean ifNotExists = c.acceptWord("IF", "NOT", "EXISTS");
        Cursor.QualifiedName qn = c.qualifiedName();
        String db = session.requireDatabase(qn.db());
        List<String> aliases = new ArrayList<>();
        if (c.peek().isSymbol("(")) {
            c.expectSymbol("(");
            do {
                aliases.add(c.identifier());
                if (c.acceptWord("COMMENT")) {
                    c.string();
                }
            } while (c.acceptSymbol(","));
            c.expectSymbol(")");
        }
        String comment = "";
        String partitionDesc = null;
        List<String> partitionColumns = new ArrayList<>();
        Boolean random = null;
        List<String> distCols = new ArrayList<>();
        int buckets = 0;
        String refresh = "MANUAL";
        List<String> orderBy = new ArrayList<>();
        Map<String, String> props = new LinkedHashMap<>();
        while (!c.isWord("AS")) {
            if (c.acceptWord("COMMENT")) {
                comment = c.string();
            } else if (c.isWord("PARTITION", "BY")) {
                int from = c.index();
                c.next();
                c.next();
                int depth = 0;
                while (!c.atEnd()) {
                    Token t = c.peek();
                    if (depth == 0
                            && (t.isWord("DISTRIBUTED")
                                    || t.isWord("REFRESH")
                                    || t.isWord("ORDER")
                                    || t.isWord("PROPERTIES")
                                    || t.isWord("AS")
                                    || t.isWord("COMMENT"))) {
                        break;
                    }
                    c.next();
                    if (t.isSymbol("(")) {
                        depth++;
                    } else if (t.isSymbol(")")) {
                        depth--;
                    } else if (t.isIdentifier() && !c.peek().isSymbol("(") && !t.isWord("INTERVAL")) {
                        partitionColumns.add(t.value());
                    }
                }
                partitionDesc = c.textFrom(from);
            } else if (c.acceptWord("DISTRIBUTED", "BY")) {
                if (c.acceptWord("RANDOM")) {
                    random = true;
                } else {
                    c.expectWord("HASH");
                    random = false;
                    distCols = c.identifierList();
                }
                if (c.acceptWord("BUCKETS")) {
                    buckets = (int) c.integer();
                }
            } else if (c.acceptWord("REFRESH")) {
                int from = c.index();
                if (!c.acceptWord("IMMEDIATE")) {
                    c.acceptWord("DEFERRED");
                }
                if (c.acceptWord("ASYNC")) {
                    if (c.acceptWord("START")) {
                        c.expectSymbol("(");
                        c.string();
                        c.expectSymbol(")");
                    }
                    if (c.acceptWord("EVERY")) {
                        c.expectSymbol("(");
                        c.expectWord("INTERVAL");
                        c.integer();
                        c.identifier();
                        c.expectSymbol(")");
                    }
                } else if (!c.acceptWord("MANUAL")) {
                    if (!c.acceptWord("INCREMENTAL")) {
                        throw c.unexpected("ASYNC, MANUAL");
                    }
                }
                refresh = c.textFrom(from);
            } else if (c.isWord("ORDER", "BY")) {
                c.next();
                c.next();
                orderBy = c.identifierList();
            } else if (c.acceptWord("PROPERTIES")) {
                props.putAll(CreateTableParser.properties(c));
            } else {
                throw c.unexpected("AS");
            }
        }
        c.expectWord("AS");
        String original = c.rest();
        if (engine.catalog.table(db, qn.name()).isPresent()) {
            if (ifNotExists) {
                return StatementResult.Ok.of(0);
            }
            throw new SqlError(
                    1050,
                    "42S01",
                    "Getting analyzing error. Detail message: Table '" + qn.name() + "' already exists.");
        }
        TableValidator.checkReplication(engine, qn.name(), props);
        Refresh r = parseRefresh(refresh);
        String query = rewriteFor(db, original);
        String refreshText = refresh;
        Boolean rnd = random;
        List<String> dc = distCols;
        int bk = buckets;
        List<String> ob = orderBy;
        String pd = partitionDesc;
        String cmt = comment;
        engine.inTransaction(() -> {
            Connection conn = engine.connection(db);
            DuckEngine.exec(
                    conn,
                    "CREATE OR REPLACE TEMP TABLE __mv_src AS SELECT * FROM (" + query + ") __q"
                            + (r.immediate() ? "" : " LIMIT 0"));
            List<ColumnDef> cols = new ArrayList<>();
            try (Statement s = conn.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM __mv_src LIMIT 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String name = i - 1 < aliases.size() ? aliases.get(i - 1) : md.getColumnLabel(i);
                    cols.add(new ColumnDef(
                            name, Ddl.fromDuck(md.getColumnTypeName(i)), true, i == 1, null, null, false, false, ""));
                }
            }
            List<String> keys = List.of(cols.get(0).name());
            TableDef def = new TableDef(
                    db,
                    qn.name(),
                    TableDef.Kind.MATERIALIZED_VIEW,
                    engine.nextObjectId(),
                    cols,
                    KeysType.DUPLICATE,
                    keys,
                    cmt,
                    pd,
                    partitionColumnsOf(cols, partitionColumns),
                    rnd == null || rnd,
                    dc,
                    bk,
                    ob,
                    props,
                    original,
                    refreshText,
                    engine.clock().millis());
            createTable(conn, def);
            new TableWriter(engine).insertFromRelation(def, "__mv_src", def.columnNames(), false);
            DuckEngine.exec(conn, "DROP TABLE IF EXISTS __mv_src");
            return null;
        });
        lastRefresh.put(key(db, qn.name()), engine.clock().millis());
        return StatementResult.Ok.of(0);
    }

    private static List<String> partitionColumnsOf(List<ColumnDef> cols, List<String> mentioned) {
        List<String> out = new ArrayList<>();
        for (String m : mentioned) {
            for (ColumnDef c : cols) {
                if (c.named(m) && !out.contains(c.name())) {
                    out.add(c.name());
                }
            }
        }
        return out;
    }

    private void createTable(Connection conn, TableDef def) throws SQLException {
        StringBuilder b =
                new StringBuilder("CREATE TABLE ").append(def.duckName()).append(" (");
        for (int i = 0; i < def.columns().size(); i++) {
            ColumnDef col = def.columns().get(i);
            b.append(i > 0 ? ", " : "")
                    .append(Sql.quoteIdent(col.name()))
                    .append(' ')
                    .append(col.type().duckType());
        }
        DuckEngine.exec(conn, b.append(')').toString());
        engine.catalog.put(conn, def);
    }

    /** An MV's query in DuckDB SQL, resolved against the MV's database. */
    private String rewriteFor(String db, String original) throws SqlError {
        Cursor c = new Cursor(original);
        return Rewriter.rewrite(
                original, c.tokens(), 0, c.tokens().size() - 1, new Rewriter.Sessionless(MV_ZONE, db, engine.clock()));
    }

    void refresh(TableDef mv) throws SqlError {
        String query = rewriteFor(mv.db(), mv.query());
        engine.inTransaction(() -> {
            Connection conn = engine.connection(mv.db());
            DuckEngine.exec(conn, "DELETE FROM " + mv.duckName());
            try (Statement s = conn.createStatement()) {
                s.executeUpdate("INSERT INTO " + mv.duckName() + " SELECT * FROM (" + query + ") __q");
            }
            return null;
        });
        String k = key(mv.db(), mv.name());
        dirty.remove(k);
        lastRefresh.put(k, engine.clock().millis());
    }

    StatementResult refreshStatement(DuckSession session, Cursor c) throws SqlError {
        Cursor.QualifiedName qn = c.qualifiedName();
        if (c.acceptWord("PARTITION")) {
            c.expectWord("START");
            c.expectSymbol("(");
            c.string();
            c.expectSymbol(")");
            c.expectWord("END");
            c.expectSymbol("(");
            c.string();
            c.expectSymbol(")");
        }
        c.acceptWord("FORCE");
        if (c.acceptWord("WITH")) {
            if (!c.acceptWord("SYNC")) {
                c.expectWord("ASYNC");
            }
            c.expectWord("MODE");
        }
        c.expectEnd();
        String db = session.requireDatabase(qn.db());
        TableDef mv = engine.catalog
                .table(db, qn.name())
                .filter(t -> t.kind() == TableDef.Kind.MATERIALIZED_VIEW)
                .orElseThrow(() -> SqlError.analysis("Can not find materialized view:" + qn.name()));
        String inactive = inactiveReason(mv);
        if (MANUAL_INACTIVE.equals(inactive)) {
            // StarRocks refuses to refresh an MV a user deactivated; other inactive MVs are re-checked and
            // activated by the refresh (MaterializedViewAnalyzer, 3.5).
            throw SqlError.analysis("Refresh materialized view failed because [" + mv.name() + "] is not active. "
                    + "You can try to active it with ALTER MATERIALIZED VIEW " + mv.name() + " ACTIVE; ");
        }
        if (inactive != null) {
            setInactive(mv, null);
            mv = engine.catalog.table(db, qn.name()).orElseThrow();
        }
        // Both modes refresh before returning: an ASYNC caller polling task state sees it finished.
        refresh(mv);
        return new StatementResult.Rows(
                List.of(new ResultColumn("QUERY_ID", SqlType.VARCHAR, 64, 0, false)),
                List.of(List.of(UUID.randomUUID().toString())));
    }

    StatementResult alter(DuckSession session, Cursor c) throws SqlError {
        Cursor.QualifiedName qn = c.qualifiedName();
        String db = session.requireDatabase(qn.db());
        TableDef mv = engine.catalog
                .table(db, qn.name())
                .filter(t -> t.kind() == TableDef.Kind.MATERIALIZED_VIEW)
                .orElseThrow(() -> SqlError.analysis("Can not find materialized view:" + qn.name()));
        if (c.acceptWord("REFRESH")) {
            String text = c.rest();
            TableDef next = new TableDef(
                    mv.db(),
                    mv.name(),
                    mv.kind(),
                    mv.id(),
                    mv.columns(),
                    mv.keysType(),
                    mv.keys(),
                    mv.comment(),
                    mv.partitionDesc(),
                    mv.partitionColumns(),
                    mv.randomDistribution(),
                    mv.distributionColumns(),
                    mv.buckets(),
                    mv.orderBy(),
                    mv.properties(),
                    mv.query(),
                    text,
                    mv.createdMillis());
            engine.inTransaction(() -> {
                engine.catalog.put(engine.connection(), next);
                return null;
            });
            return StatementResult.Ok.of(0);
        }
        if (c.acceptWord("RENAME")) {
            String to = c.identifier();
            c.expectEnd();
            engine.inTransaction(() -> {
                Connection conn = engine.connection();
                DuckEngine.exec(conn, "ALTER TABLE " + mv.duckName() + " RENAME TO " + Sql.quoteIdent(to));
                engine.catalog.remove(conn, mv.db(), mv.name());
                engine.catalog.put(conn, mv.renamed(mv.db(), to));
                return null;
            });
            return StatementResult.Ok.of(0);
        }
        if (c.acceptWord("ACTIVE")) {
            c.expectEnd();
            setInactive(mv, null);
            if (refreshType(mv).equals("ASYNC")) {
                dirty.putIfAbsent(key(mv.db(), mv.name()), engine.clock().millis());
            }
            return StatementResult.Ok.of(0);
        }
        if (c.acceptWord("INACTIVE")) {
            c.expectEnd();
            setInactive(mv, MANUAL_INACTIVE);
            return StatementResult.Ok.of(0);
        }
        throw SqlError.analysis("The sandbox does not support this ALTER MATERIALIZED VIEW clause: " + c.rest());
    }

    /** The reason an MV is inactive, or null when it is active (kept in its properties so it survives restarts). */
    static String inactiveReason(TableDef mv) {
        return mv.properties().get(INACTIVE_REASON);
    }

    private void setInactive(TableDef mv, String reason) throws SqlError {
        Map<String, String> p = new java.util.TreeMap<>(mv.properties());
        if (reason == null) {
            p.remove(INACTIVE_REASON);
        } else {
            p.put(INACTIVE_REASON, reason);
        }
        TableDef next = mv.withProperties(p);
        engine.inTransaction(() -> {
            engine.catalog.put(engine.connection(), next);
            return null;
        });
    }

    /**
     * After {@code ALTER TABLE a SWAP WITH b}, MVs that read either table are set inactive (docs/starrocks.md §5.1, SWAP), with
     * StarRocks' reason text {@code base-table swapped: <table>}.
     */
    void swapped(TableDef a, TableDef b) throws SqlError {
        for (TableDef mv : engine.catalog.allTables()) {
            if (mv.kind() != TableDef.Kind.MATERIALIZED_VIEW) {
                continue;
            }
            String reason = reads(mv, a) ? SWAPPED + a.name() : reads(mv, b) ? SWAPPED + b.name() : null;
            if (reason != null) {
                setInactive(mv, reason);
            }
        }
    }

    /** Marks ASYNC views that read {@code base} as stale. */
    void baseChanged(TableDef base) {
        for (TableDef mv : engine.catalog.allTables()) {
            if (mv.kind() == TableDef.Kind.MATERIALIZED_VIEW
                    && !mv.name().equals(base.name())
                    && reads(mv, base)
                    && refreshType(mv).equals("ASYNC")) {
                dirty.putIfAbsent(key(mv.db(), mv.name()), engine.clock().millis());
            }
        }
    }

    private static boolean reads(TableDef mv, TableDef base) {
        try {
            Cursor c = new Cursor(mv.query());
            Set<String> names = new HashSet<>();
            List<Token> tokens = c.tokens();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if (tokens.get(i).isWord("FROM")
                        || tokens.get(i).isWord("JOIN")
                        || tokens.get(i).isSymbol(",")) {
                    Token a = tokens.get(i + 1);
                    if (!a.isIdentifier()) {
                        continue;
                    }
                    if (i + 3 < tokens.size()
                            && tokens.get(i + 2).isSymbol(".")
                            && tokens.get(i + 3).isIdentifier()) {
                        names.add(a.value() + "." + tokens.get(i + 3).value());
                    } else {
                        names.add(mv.db() + "." + a.value());
                    }
                }
            }
            return names.contains(base.db() + "." + base.name());
        } catch (SqlError e) {
            return false;
        }
    }

    void forget(TableDef t) {
        dirty.remove(key(t.db(), t.name()));
        lastRefresh.remove(key(t.db(), t.name()));
        baseChanged(t);
    }

    void forgetDatabase(String db) {
        dirty.keySet().removeIf(k -> k.startsWith(db + "\u0000"));
    }

    void renamed(TableDef t, String to) {
        baseChanged(t);
    }
}
