package dev.quarry.sandbox.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One client connection: current database, session and user variables; classifies and runs statements. */
final class DuckSession implements EngineSession, Rewriter.Context {
    final DuckEngine engine;
    private final String user;
    private final long connectionId;
    final SessionVariables variables;
    private final Map<String, String> userVariables = new HashMap<>();
    private String database;
    private final Ddl ddl;
    private final Dml dml;
    private final Show show;
    private final SqlTransaction transaction;

    DuckSession(DuckEngine engine, String user, long connectionId) {
        this.engine = engine;
        this.user = user;
        this.connectionId = connectionId;
        this.variables = new SessionVariables(engine.config.starRocksVersion());
        this.ddl = new Ddl(this);
        this.dml = new Dml(this);
        this.show = new Show(this);
        this.transaction = new SqlTransaction(this, dml);
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    @Override
    public void useDatabase(String db) throws SqlError {
        Objects.requireNonNull(db, "database is null");
        if (!engine.catalog.hasDatabase(db) && !Catalog.SYSTEM_DATABASES.contains(db.toLowerCase(Locale.ROOT))) {
            throw DuckEngine.unknownDatabase(db);
        }
        database = db;
    }

    /** The current database or StarRocks' "No database selected" error. */
    String requireDatabase(String explicit) throws SqlError {
        String db = explicit != null ? explicit : database;
        if (db == null) {
            throw new SqlError(1046, "3D000", "Getting analyzing error. Detail message: No database selected.");
        }
        if (!engine.catalog.hasDatabase(db)) {
            throw SqlError.analysis("Unknown database '" + db + "'");
        }
        return db;
    }

    TableDef requireTable(Cursor.QualifiedName name) throws SqlError {
        String db = requireDatabase(name.db());
        return engine.catalog.table(db, name.name()).orElseThrow(() -> DuckEngine.unknownTable(db, name.name()));
    }

    @Override
    public StatementResult execute(String sql) throws SqlError {
        Objects.requireNonNull(sql, "sql is null");
        StatementGate.check(sql);
        Cursor c = new Cursor(sql);
        if (c.atEnd()) {
            throw Lexer.syntax(1, 0, "Unexpected input '<EOF>', the most similar input is {a statement}.");
        }
        engine.lock.lock();
        try {
            return dispatch(c);
        } finally {
            engine.lock.unlock();
        }
    }

    private StatementResult dispatch(Cursor c) throws SqlError {
        Token first = c.peek();
        String head = first.kind() == Token.Kind.WORD ? first.upper() : first.text();
        switch (head) {
            case "SELECT", "WITH", "(", "VALUES" -> {
                return query(c);
            }
            case "SET" -> {
                c.next();
                return set(c);
            }
            case "USE" -> {
                c.next();
                String db = c.identifier();
                if (c.acceptSymbol(".")) {
                    db = c.identifier();
                }
                c.expectEnd();
                useDatabase(db);
                return StatementResult.Ok.of(0);
            }
            case "SHOW" -> {
                c.next();
                return show.run(c);
            }
            case "DESC", "DESCRIBE" -> {
                c.next();
                return show.describe(c);
            }
            case "EXPLAIN" -> {
                return explain(c);
            }
            case "CREATE", "DROP", "ALTER", "TRUNCATE", "REFRESH", "CANCEL" -> {
                return ddl.run(c);
            }
            case "INSERT", "DELETE", "UPDATE" -> {
                if (transaction.active()) {
                    return transaction.dml(c);
                }
                try {
                    return dml.run(c);
                } catch (SqlError e) {
                    throw located(e, c);
                }
            }
            case "ADMIN" -> {
                c.next();
                return show.admin(c);
            }
            case "BEGIN", "START" -> {
                c.next();
                c.acceptWord("TRANSACTION");
                c.acceptWord("WORK");
                c.expectEnd();
                return transaction.begin();
            }
            case "COMMIT" -> {
                c.next();
                c.acceptWord("WORK");
                c.expectEnd();
                return transaction.commit();
            }
            case "ROLLBACK" -> {
                c.next();
                c.acceptWord("WORK");
                c.expectEnd();
                return transaction.rollback();
            }
            case "KILL", "ANALYZE", "FLUSH", "SYNC", "GRANT", "REVOKE" -> {
                // No privilege system in the sandbox: every user may do everything, so grants change nothing.
                return StatementResult.Ok.of(0);
            }
            default -> throw c.unexpected("SELECT, INSERT, CREATE, ...");
        }
    }

    StatementResult query(Cursor c) throws SqlError {
        transaction.checkRead(c);
        int from = c.index();
        String duckSql = Rewriter.rewrite(c.sql(), c.tokens(), from, c.tokens().size() - 1, this);
        try {
            return runQuery(duckSql);
        } catch (SqlError e) {
            throw located(e, c);
        }
    }

    StatementResult.Rows runQuery(String duckSql) throws SqlError {
        try (Statement s = engine.connection(database).createStatement();
                ResultSet rs = s.executeQuery(duckSql)) {
            return Results.read(rs);
        } catch (SQLException e) {
            throw translate(e, duckSql);
        }
    }

    private static final java.util.regex.Pattern UNRESOLVED = java.util.regex.Pattern.compile(
            "Detail message: (Unknown table '([^']*)'|Column '([^']*)' cannot be resolved)\\.$");

    /** StarRocks names where an unknown table or column sits: "from line L, column C to line L, column C2". */
    private SqlError located(SqlError e, Cursor c) {
        java.util.regex.Matcher m = UNRESOLVED.matcher(e.getMessage());
        if (!m.find()) {
            return e;
        }
        String name = m.group(2) != null ? m.group(2) : m.group(3);
        String last = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        List<Token> tokens = c.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isIdentifier() && t.value().equalsIgnoreCase(last)) {
                boolean qualified = i >= 2
                        && tokens.get(i - 1).isSymbol(".")
                        && tokens.get(i - 2).isIdentifier();
                Token first = qualified ? tokens.get(i - 2) : t;
                String detail = m.group(1);
                if (m.group(2) != null && qualified) {
                    detail = "Unknown table '" + first.value() + "." + t.value() + "'";
                } else if (m.group(2) != null && !name.contains(".") && database != null) {
                    detail = "Unknown table '" + database + "." + name + "'";
                }
                return new SqlError(
                        e.code(),
                        e.sqlState(),
                        "Getting analyzing error from line " + first.line() + ", column "
                                + first.column() + " to line " + t.line() + ", column "
                                + (t.column() + t.text().length() - 1)
                                + ". Detail message: " + detail + ".");
            }
        }
        return e;
    }

    SqlError translate(SQLException e) {
        return translate(e, "");
    }

    /**
     * The engine's error as StarRocks words it. {@code duckSql} is the statement that failed: a missing table the
     * engine names without its database is looked up there, so {@code db.missing} is reported as the unknown table
     * {@code db.missing} (docs/starrocks.md §5.9), not as "No database selected".
     */
    SqlError translate(SQLException e, String duckSql) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher sm = java.util.regex.Pattern.compile(
                        "(?:Schema|Catalog) with name \"?([^ \"!]+)\"? does not exist|because schema \"?([^ \"]+)\"? does not exist")
                .matcher(m);
        if (sm.find()) {
            return SqlError.analysis("Unknown database '" + (sm.group(1) != null ? sm.group(1) : sm.group(2)) + "'");
        }
        java.util.regex.Matcher tm = java.util.regex.Pattern.compile("Table with name (.+?) does not exist")
                .matcher(m);
        if (tm.find()) {
            String name = tm.group(1);
            if (m.contains(InformationSchema.SCHEMA) || "information_schema".equalsIgnoreCase(database)) {
                return SqlError.analysis("Unknown table 'information_schema." + name + "'.");
            }
            String qualifier = name.contains(".") ? null : qualifier(duckSql, name);
            if (qualifier != null) {
                if (!engine.catalog.hasDatabase(qualifier)) {
                    return SqlError.analysis("Unknown database '" + qualifier + "'");
                }
                return DuckEngine.unknownTable(qualifier, name);
            }
            if (database == null && !name.contains(".")) {
                return new SqlError(1046, "3D000", "Getting analyzing error. Detail message: No database selected.");
            }
            return name.contains(".")
                    ? SqlError.analysis("Unknown table '" + name + "'.")
                    : DuckEngine.unknownTable(database, name);
        }
        java.util.regex.Matcher cm = java.util.regex.Pattern.compile("Referenced column \"?([^\" ]+)\"? not found")
                .matcher(m);
        if (cm.find()) {
            return SqlError.analysis("Column '" + cm.group(1) + "' cannot be resolved.");
        }
        if (m.contains("Parser Error")) {
            String detail = m.replaceFirst("(?s).*Parser Error: ", "");
            int nl = detail.indexOf('\n');
            return Lexer.syntax(1, 0, (nl > 0 ? detail.substring(0, nl) : detail).trim());
        }
        return DuckEngine.translate(e);
    }

    /** The database that qualifies {@code "db"."name"} in the engine's SQL, or null when the name stands alone. */
    private static String qualifier(String duckSql, String name) {
        String quoted = java.util.regex.Pattern.quote(name);
        java.util.regex.Matcher q = java.util.regex.Pattern.compile(
                        "(?:\"((?:[^\"]|\"\")+)\"|([\\p{L}_][\\p{L}\\d_$]*))\\s*\\.\\s*(?:\"" + quoted + "\"|" + quoted
                                + "(?![\\p{L}\\d_$]))")
                .matcher(duckSql);
        if (!q.find()) {
            return null;
        }
        return q.group(1) != null ? q.group(1).replace("\"\"", "\"") : q.group(2);
    }

    private StatementResult explain(Cursor c) throws SqlError {
        c.next();
        c.acceptWord("VERBOSE");
        c.acceptWord("COSTS");
        c.acceptWord("LOGICAL");
        String duckSql =
                Rewriter.rewrite(c.sql(), c.tokens(), c.index(), c.tokens().size() - 1, this);
        StatementResult.Rows plan = runQuery("EXPLAIN " + duckSql);
        List<List<String>> rows = new java.util.ArrayList<>();
        for (List<String> r : plan.rows()) {
            for (String line :
                    String.valueOf(r.get(r.size() - 1)).stripTrailing().split("\n", -1)) {
                rows.add(List.of(line));
            }
        }
        return new StatementResult.Rows(
                List.of(new ResultColumn("Explain String", SqlType.VARCHAR, 65533, 0, true)), rows);
    }

    /** SET [SESSION|GLOBAL|LOCAL] var = expr [, ...], SET NAMES ..., SET @u = expr. */
    private StatementResult set(Cursor c) throws SqlError {
        do {
            if (c.acceptWord("NAMES")) {
                c.next();
                if (c.acceptWord("COLLATE")) {
                    c.next();
                }
                continue;
            }
            if (c.isWord("CHARACTER", "SET") || c.isWord("CHARSET")) {
                c.acceptWord("CHARACTER", "SET");
                c.acceptWord("CHARSET");
                c.next();
                continue;
            }
            if (c.isWord("TRANSACTION") || c.isWord("SESSION", "TRANSACTION") || c.isWord("GLOBAL", "TRANSACTION")) {
                return StatementResult.Ok.of(0);
            }
            if (c.isWord("PASSWORD")) {
                return StatementResult.Ok.of(0);
            }
            if (!c.acceptWord("GLOBAL") && !c.acceptWord("SESSION")) {
                c.acceptWord("LOCAL");
            }
            Token t = c.next();
            String name;
            boolean userVar = false;
            if (t.kind() == Token.Kind.VARIABLE) {
                String v = t.value();
                if (v.startsWith("@@")) {
                    name = v.substring(2);
                    if (name.contains(".")) {
                        name = name.substring(name.indexOf('.') + 1);
                    }
                } else {
                    name = v.substring(1);
                    userVar = true;
                }
            } else if (t.isIdentifier()) {
                name = t.value();
            } else {
                c.reset(c.index() - 1);
                throw c.unexpected("a variable name");
            }
            if (!c.acceptSymbol("=")) {
                c.expectSymbol(":=");
            }
            int from = c.index();
            int depth = 0;
            while (!c.atEnd() && !(depth == 0 && c.peek().isSymbol(","))) {
                Token x = c.next();
                if (x.isSymbol("(")) {
                    depth++;
                } else if (x.isSymbol(")")) {
                    depth--;
                }
            }
            String value = evaluate(c, from, c.index());
            if (userVar) {
                userVariables.put(name.toLowerCase(Locale.ROOT), value);
            } else {
                // GLOBAL changes apply to this session only: the sandbox keeps no cluster-wide variable store.
                variables.set(name, value == null ? "" : value);
            }
        } while (c.acceptSymbol(","));
        c.expectEnd();
        return StatementResult.Ok.of(0);
    }

    /** Evaluates a constant expression: bare words (SET x = ON) are taken as strings, like MySQL does. */
    private String evaluate(Cursor c, int from, int to) throws SqlError {
        List<Token> tokens = c.tokens();
        if (to - from == 1) {
            Token t = tokens.get(from);
            if (t.kind() == Token.Kind.WORD
                    || t.kind() == Token.Kind.STRING
                    || t.kind() == Token.Kind.NUMBER
                    || t.kind() == Token.Kind.QUOTED_IDENT) {
                return t.isWord("NULL") ? null : t.value();
            }
        }
        if (to - from == 2
                && tokens.get(from).isSymbol("-")
                && tokens.get(from + 1).kind() == Token.Kind.NUMBER) {
            return "-" + tokens.get(from + 1).text();
        }
        String expr = Rewriter.rewrite(c.sql(), tokens, from, to, this);
        StatementResult.Rows r = runQuery("SELECT CAST((" + expr + ") AS VARCHAR)");
        return r.rows().isEmpty() ? null : r.rows().get(0).get(0);
    }

    @Override
    public String systemVariable(String name) throws SqlError {
        String v = variables.get(name);
        if (v == null) {
            throw SessionVariables.unknown(name);
        }
        if (SessionVariables.numeric(name) && v.matches("-?\\d+")) {
            return v.length() > 18 ? "CAST(" + v + " AS HUGEINT)" : "CAST(" + v + " AS BIGINT)";
        }
        return Sql.quoteString(v);
    }

    @Override
    public String userVariable(String name) {
        String v = userVariables.get(name.toLowerCase(Locale.ROOT));
        return v == null ? "NULL" : Sql.quoteString(v);
    }

    @Override
    public ZoneId zone() {
        try {
            return Zones.zone(variables.get("time_zone"));
        } catch (SqlError e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }

    @Override
    public int zoneOffsetSeconds() {
        return zone().getRules().getOffset(clock().instant()).getTotalSeconds();
    }

    @Override
    public Clock clock() {
        return engine.clock();
    }

    @Override
    public String currentDatabase() {
        return database;
    }

    void forgetDatabase(String db) {
        if (db.equals(database)) {
            database = null;
        }
    }

    @Override
    public long connectionId() {
        return connectionId;
    }

    /** Closing the connection rolls back an open SQL transaction (docs/starrocks.md §5.7: session close → rollback). */
    @Override
    public void close() {
        transaction.discard();
    }
}
