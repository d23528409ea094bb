package dev.quarry.cli;

import dev.quarry.core.ConfigException;
import dev.quarry.core.Log;
import dev.quarry.core.RunException;
import dev.quarry.core.conn.ConnectionSource;
import dev.quarry.core.conn.ConnectionSpec;
import dev.quarry.core.conn.ConnectionType;
import dev.quarry.core.conn.Connections;
import dev.quarry.core.conn.EnvFile;
import dev.quarry.core.output.ResultFormat;
import dev.quarry.core.output.ResultTable;
import dev.quarry.core.sql.SqlScript;
import dev.quarry.replicate.source.SourceException;
import dev.quarry.starrocks.StarRocksSession;
import dev.quarry.starrocks.StarRocksSqlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry conns ...}: define, list, test and use connections (Sling-compatible, docs/sling.md §4.4). */
@Command(
        name = "conns",
        description = "Manage connections (env.yaml and environment variables) and run SQL on them.",
        subcommands = {
            ConnsCommand.Set.class,
            ConnsCommand.Unset.class,
            ConnsCommand.ListCommand.class,
            ConnsCommand.Test.class,
            ConnsCommand.Exec.class,
            ConnsCommand.Discover.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  quarry conns set PG url='postgresql://app:secret@localhost:5432/shop?sslmode=disable'",
            "  quarry conns set SR url='starrocks://root:@127.0.0.1:9030/dw' fe_url=http://127.0.0.1:8030",
            "  quarry conns list",
            "  quarry conns test SR",
            "  export MY='mysql://root:@127.0.0.1:3306/test'   # environment variables work too",
            "",
            "Connections live in $QUARRY_HOME/env.yaml (default ~/.quarry/env.yaml) under connections:.",
            "An environment variable holding a URL, or inline YAML/JSON with type/url, overrides",
            "an env.yaml entry of the same name."
        })
final class ConnsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(), "Missing subcommand (set, unset, list, test, exec or discover)");
    }

    /** Letters, digits, '_' and '-', starting with a letter or '_': safe as a YAML key and an env var name. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    @Command(
            name = "set",
            description = "Add or replace a connection in env.yaml (other entries and comments are kept; mode 600).",
            footerHeading = "%nExamples:%n",
            footer = {
                "  quarry conns set PG url='postgresql://app:p%40ss@db.example.com:5432/shop'",
                "  quarry conns set PG type=postgres host=localhost port=5432 user=app password=secret database=shop",
                "  quarry conns set MY url='mysql://root:@127.0.0.1:3306/test'",
                "  quarry conns set SR url='starrocks://root:@sr.internal:9030/dw' fe_url=http://sr.internal:8030",
                "  quarry conns set DUCK type=duckdb instance=/data/warehouse.duckdb",
                "",
                "Keys: type (postgres, mysql, starrocks, duckdb), url, host, port, user, password, database,",
                "fe_url (starrocks; default http://<host>:8030), sslmode, connect_timeout (seconds, default 5).",
                "Special characters in a URL's user or password must be %-encoded (@ is %40)."
            })
    static final class Set implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME", description = "Connection name, e.g. PG.")
        private String name;

        @Parameters(
                index = "1..*",
                arity = "1..*",
                paramLabel = "KEY=VALUE",
                description = "Settings, e.g. url=... or host=...")
        private List<String> pairs;

        Set(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (!NAME.matcher(name).matches()) {
                throw new ConfigException("connection name \"" + name
                        + "\" must be letters, digits, _ or -, starting with a letter or _");
            }
            Map<String, String> keys = new LinkedHashMap<>();
            for (int i = 0; i < pairs.size(); i++) {
                String pair = pairs.get(i);
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    // The argument itself is not repeated: it may be a password typed without its key.
                    throw new ConfigException("conns set " + name + ": argument " + (i + 2) + " is not KEY=VALUE"
                            + " (e.g. url=postgresql://user:password@host:5432/db or host=localhost)");
                }
                keys.put(pair.substring(0, eq).strip().toLowerCase(Locale.ROOT), pair.substring(eq + 1));
            }
            ConnectionSpec checked = ConnectionSpec.fromKeys(name, keys, key -> "conns set " + name);
            Connections existing = ctx.connections();
            EnvFile file = existing.envFile();
            file.set(name, keys);
            Log.info("connection " + name + " (" + checked.type().id() + ") set in " + file.path()
                    + "; test it with: quarry conns test " + name);
            existing.find(name)
                    .filter(e -> e.source() == ConnectionSource.ENV_VARIABLE)
                    .ifPresent(e ->
                            Log.warn("environment variable " + e.name() + " overrides this entry while it is set"));
            return 0;
        }
    }

    @Command(
            name = "unset",
            description = "Remove a connection from env.yaml.",
            footerHeading = "%nExamples:%n",
            footer = {"  quarry conns unset PG"})
    static final class Unset implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        private String name;

        Unset(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Connections connections = ctx.connections();
            EnvFile file = connections.envFile();
            if (file.unset(name)) {
                Log.info("connection " + name + " removed from " + file.path());
                return 0;
            }
            if (connections
                    .find(name)
                    .filter(e -> e.source() == ConnectionSource.ENV_VARIABLE)
                    .isPresent()) {
                throw new ConfigException("connection " + name + " comes from the environment variable " + name
                        + ", not from " + file.path() + "; unset the variable instead");
            }
            throw new ConfigException(connections.unknown(name).getMessage() + " in " + file.path());
        }
    }

    @Command(
            name = "list",
            description = "List connections: NAME, TYPE, SOURCE (env.yaml or env variable).",
            footerHeading = "%nExamples:%n",
            footer = {"  quarry conns list", "  quarry conns list -o json"})
    static final class ListCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Option(
                names = {"-o", "--output"},
                defaultValue = "table",
                paramLabel = "FORMAT",
                description = "table, csv or json (default: ${DEFAULT-VALUE}).")
        private ResultFormat format;

        ListCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Connections connections = ctx.connections();
            List<List<Object>> rows = new ArrayList<>();
            for (Connections.Entry e : connections.list()) {
                rows.add(List.of(e.name(), e.typeLabel(), e.source().label()));
                e.error().ifPresent(error -> Log.warn(error.getMessage()));
            }
            if (rows.isEmpty()) {
                Log.info("no connections in " + connections.envFile().path()
                        + " or the environment; add one with: quarry conns set NAME url=...");
                return 0;
            }
            ctx.out().print(format.render(ResultTable.of(List.of("name", "type", "source"), rows)));
            return 0;
        }
    }

    @Command(
            name = "test",
            description = {
                "Connect, run a trivial query and print the server version.",
                "For starrocks, also check that the FE HTTP endpoint (fe_url, used by Stream Load) answers."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  quarry conns test PG", "  quarry conns test SR --debug"})
    static final class Test implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        private String name;

        Test(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ConnectionSpec conn = ctx.connections().get(name);
            long start = System.nanoTime();
            String version;
            try (ConnectionConsole c = ConnectionConsole.open(conn)) {
                version = c.version().orElse("unknown");
            } catch (StarRocksSqlException | SourceException e) {
                throw new RunException("query on " + conn.describe() + " failed: " + ConnectionConsole.firstLine(e), e);
            }
            if (conn.type() == ConnectionType.STARROCKS) {
                StarRocksSession.checkFrontendHttp(conn);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            ctx.out().println("success! " + conn.describe() + ": " + version + " (" + millis + " ms)");
            return 0;
        }
    }

    @Command(
            name = "exec",
            description = {
                "Run SQL on a connection; result sets go to stdout.",
                "Each argument is SQL text or a .sql file; both may hold several statements separated by ';'.",
                "Statements run in order, in autocommit mode, stopping at the first failure."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  quarry conns exec PG 'select id, status from orders order by id limit 5'",
                "  quarry conns exec MY 'create table t (id int)' 'insert into t values (1), (2)' 'select * from t'",
                "  quarry conns exec SR checks.sql -o csv",
                "  quarry conns exec PG 'select * from events' --limit 0 -o json > events.json"
            })
    static final class Exec implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        private String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "SQL|FILE.sql")
        private List<String> sources;

        @Option(
                names = {"-o", "--output"},
                defaultValue = "table",
                paramLabel = "FORMAT",
                description = "table, csv or json (default: ${DEFAULT-VALUE}).")
        private ResultFormat format;

        @Option(
                names = {"-l", "--limit"},
                defaultValue = "100",
                paramLabel = "N",
                description = "Print at most N rows per result; 0 = all (default: ${DEFAULT-VALUE}).")
        private int limit;

        Exec(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (limit < 0) {
                throw new ConfigException("--limit must be 0 (no limit) or more, got " + limit);
            }
            ConnectionSpec conn = ctx.connections().get(name);
            List<String> statements = new ArrayList<>();
            for (String source : sources) {
                statements.addAll(SqlScript.split(text(source), conn.type().speaksMysqlProtocol()));
            }
            if (statements.isEmpty()) {
                throw new ConfigException("no SQL statements given to conns exec " + name);
            }
            long start = System.nanoTime();
            try (ConnectionConsole c = ConnectionConsole.open(conn)) {
                for (int i = 0; i < statements.size(); i++) {
                    run(c, statements.get(i), i, statements.size(), conn);
                }
            } catch (StarRocksSqlException | SourceException e) {
                throw new RunException("cannot use " + conn.describe() + ": " + ConnectionConsole.firstLine(e), e);
            }
            if (statements.size() > 1) {
                Log.info("ran " + statements.size() + " statements on " + conn.name() + " in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
            return 0;
        }

        private String text(String source) {
            boolean looksLikeFile = source.toLowerCase(Locale.ROOT).endsWith(".sql")
                    && source.strip().indexOf(' ') < 0
                    && source.indexOf('\n') < 0;
            if (!looksLikeFile) {
                return source;
            }
            Path file = ctx.resolve(source.strip());
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new ConfigException("SQL file " + file + " does not exist");
            } catch (IOException e) {
                throw new ConfigException("cannot read SQL file " + file + ": " + e.getMessage(), e);
            }
        }

        private void run(ConnectionConsole c, String sql, int index, int count, ConnectionSpec conn) {
            String which = count == 1 ? "statement" : "statement " + (index + 1) + " of " + count;
            try {
                c.run(
                        sql,
                        limit,
                        table -> {
                            ctx.out().print(format.render(table));
                            ctx.out().flush();
                            if (table.truncated()) {
                                Log.warn("showing the first " + limit + " rows; use --limit 0 for all");
                            }
                        },
                        updated -> Log.info(which + " ok" + (updated > 0 ? ", " + updated + " rows affected" : "")));
            } catch (StarRocksSqlException | SourceException e) {
                throw new RunException(which + " failed on " + conn.name() + ": " + ConnectionConsole.firstLine(e), e);
            }
        }
    }

    @Command(
            name = "discover",
            description = {
                "List tables and views (or their columns with --columns).",
                "PATTERN is schema.table with * wildcards, matched ignoring case; a pattern without a dot",
                "matches table names in every schema. System schemas are hidden unless named."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  quarry conns discover PG",
                "  quarry conns discover PG 'public.*'",
                "  quarry conns discover MY 'shop.order*' --columns",
                "  quarry conns discover PG 'information_schema.tables' --columns -o csv"
            })
    static final class Discover implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        private String name;

        @Parameters(index = "1", arity = "0..1", paramLabel = "PATTERN")
        private String pattern;

        @Option(names = "--columns", description = "List columns with their types instead of tables.")
        private boolean columns;

        @Option(
                names = {"-o", "--output"},
                defaultValue = "table",
                paramLabel = "FORMAT",
                description = "table, csv or json (default: ${DEFAULT-VALUE}).")
        private ResultFormat format;

        Discover(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ConnectionSpec conn = ctx.connections().get(name);
            Glob glob = Glob.parse(pattern == null ? "*" : pattern);
            List<List<Object>> rows = new ArrayList<>();
            try (ConnectionConsole c = ConnectionConsole.open(conn)) {
                for (List<Object> row : columns ? c.columns() : c.relations()) {
                    String schema = (String) row.get(0);
                    String table = (String) row.get(1);
                    if (!glob.matches(schema, table)
                            || (glob.schemaIsWildcard() && conn.type().isSystemSchema(schema))) {
                        continue;
                    }
                    rows.add(columns ? row : List.of(schema, table, tableType((String) row.get(2))));
                }
            } catch (StarRocksSqlException | SourceException e) {
                throw new RunException(
                        "discover on " + conn.describe() + " failed: " + ConnectionConsole.firstLine(e), e);
            }
            if (rows.isEmpty()) {
                Log.info("nothing on " + conn.name() + " matches " + (pattern == null ? "*" : pattern));
                return 0;
            }
            List<String> header = columns
                    ? List.of("schema", "table", "position", "column", "type", "nullable")
                    : List.of("schema", "name", "type");
            ctx.out().print(format.render(ResultTable.of(header, rows)));
            return 0;
        }

        private static String tableType(String type) {
            if (type == null) {
                return "";
            }
            return switch (type.toUpperCase(Locale.ROOT)) {
                case "BASE TABLE" -> "table";
                case "VIEW" -> "view";
                default -> type.toLowerCase(Locale.ROOT);
            };
        }
    }

    /** {@code schema.table} with {@code *} wildcards, ignoring case. */
    record Glob(Pattern schema, Pattern table, boolean schemaIsWildcard) {
        static Glob parse(String text) {
            String t = text.strip();
            int dot = t.indexOf('.');
            String schema = dot >= 0 ? t.substring(0, dot) : "*";
            String table = dot >= 0 ? t.substring(dot + 1) : t;
            return new Glob(regex(schema), regex(table.isEmpty() ? "*" : table), schema.contains("*"));
        }

        boolean matches(String schemaName, String tableName) {
            return schema.matcher(schemaName == null ? "" : schemaName).matches()
                    && table.matcher(tableName).matches();
        }

        private static Pattern regex(String glob) {
            String regex =
                    Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }
}
