package dev.quarry.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.quarry.core.conn.ConnectionType;
import dev.quarry.core.conn.SqlConsole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture guard (ARCHITECTURE "Modules"): StarRocks statements are built and sent by quarry-starrocks (and the
 * sandbox, which is the server), never by the engines or the CLI, and the CLI uses no JDBC at all. A class may send
 * SQL of its own only to a source database (the source implementations under {@code dev.quarry.replicate.source.*}) or
 * to a state store (a package named {@code ...state...}).
 *
 * <p>Two rules approximate "builds StarRocks statements": no guarded class creates or prepares JDBC statements, and no
 * guarded main source file holds a string literal that starts like a StarRocks statement.
 */
class ArchitectureTest {
    /** A Maven module: its directory (beside quarry-cli's) and its root package. */
    private record Module(String directory, String rootPackage) {
        boolean holds(JavaClass c) {
            return c.getPackageName().equals(rootPackage) || c.getPackageName().startsWith(rootPackage + ".");
        }
    }

    private static final Module CORE = new Module("quarry-core", "dev.quarry.core");
    private static final Module REPLICATE = new Module("quarry-replicate", "dev.quarry.replicate");
    private static final Module CLI = new Module("quarry-cli", "dev.quarry.cli");

    private static final Module MODELS = new Module("quarry-models", "dev.quarry.models");

    /** Modules that must not send statements through JDBC themselves (their state stores and sources excepted). */
    private static final List<Module> NO_JDBC_STATEMENTS = List.of(CORE, REPLICATE, MODELS, CLI);

    /** Modules whose main sources must not spell StarRocks statements. */
    private static final List<Module> NO_STATEMENT_TEXT = List.of(CORE, REPLICATE, MODELS, CLI);

    /** Source implementations speak their own database's SQL. */
    private static final String SOURCE_IMPLEMENTATIONS = "dev.quarry.replicate.source.";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.quarry");
    }

    private static boolean mayRunItsOwnSql(JavaClass c) {
        String pkg = c.getPackageName();
        return pkg.startsWith(SOURCE_IMPLEMENTATIONS)
                || pkg.contains(".state")
                // Session setup on connect (PostgreSQL's SET TIME ZONE), where every connection is opened.
                || c.getName().equals(ConnectionType.class.getName())
                || c.getName().startsWith(ConnectionType.class.getName() + "$")
                // Runs the text a user typed (conns exec, fetch) on any database; it builds no statement.
                || c.getName().equals(SqlConsole.class.getName());
    }

    @Test
    void onlyQuarryStarRocksAndSourceImplementationsSendStatements() {
        DescribedPredicate<JavaClass> guarded = DescribedPredicate.describe(
                "are in " + NO_JDBC_STATEMENTS.stream().map(Module::directory).toList()
                        + " outside the source implementations and state stores",
                c -> NO_JDBC_STATEMENTS.stream().anyMatch(m -> m.holds(c)) && !mayRunItsOwnSql(c));
        DescribedPredicate<JavaMethodCall> createsStatements = DescribedPredicate.describe(
                "Connection.createStatement, prepareStatement or prepareCall",
                call -> call.getTargetOwner().isAssignableTo(Connection.class)
                        && Set.of("createStatement", "prepareStatement", "prepareCall")
                                .contains(call.getName()));
        noClasses()
                .that(guarded)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Statement.class)
                .orShould()
                .callMethodWhere(createsStatements)
                .because(
                        "StarRocks statements go through quarry-starrocks (StarRocksSession, StarRocksCatalog, StarRocksDialect)")
                .check(classes);
    }

    @Test
    void theCliUsesNoJdbc() {
        noClasses()
                .that()
                .resideInAPackage(CLI.rootPackage() + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..")
                .because(
                        "quarry-cli parses arguments and prints; sessions belong to quarry-starrocks and quarry-replicate")
                .check(classes);
    }

    @Test
    void noMainSourceSpellsAStarRocksStatement() throws IOException {
        Path repository = Path.of("").toAbsolutePath().getParent();
        List<String> found = new ArrayList<>();
        for (Module module : NO_STATEMENT_TEXT) {
            Path sources = repository.resolve(module.directory()).resolve("src/main/java");
            assertThat(sources).as("main sources of " + module.directory()).isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                        .sorted()
                        .toList()) {
                    String pkg = sources.relativize(file.getParent()).toString().replace('/', '.');
                    if (pkg.startsWith(SOURCE_IMPLEMENTATIONS) || pkg.contains(".state")) {
                        continue;
                    }
                    for (String literal : StringLiterals.of(Files.readString(file, StandardCharsets.UTF_8))) {
                        if (StringLiterals.looksLikeStarRocksStatement(literal)) {
                            found.add(repository.relativize(file) + ": \""
                                    + literal.strip().lines().findFirst().orElse("") + "\"");
                        }
                    }
                }
            }
        }
        assertThat(found)
                .as("string literals that start a StarRocks statement; render it with StarRocksDialect instead")
                .isEmpty();
    }

    @Test
    void theScanTellsStatementsFromProse() {
        assertThat(StringLiterals.of("""
                String a = "SELECT COUNT(*) FROM " + t; // "DROP TABLE in a comment"
                String b = \"""
                        select *
                        from t\""";
                char q = '"';
                String c = "Show the project's models by kind"; /* "CREATE TABLE x" */
                String d = "say \\"hi\\"";
                """))
                .containsExactly(
                        "SELECT COUNT(*) FROM ",
                        "        select *\n        from t",
                        "Show the project's models by kind",
                        "say \\\"hi\\\"");
        assertThat(Stream.of(
                        "SELECT ",
                        "INSERT INTO x",
                        "information_schema.tables",
                        "create database if not exists d",
                        "select * from t",
                        "  drop table t",
                        "show partitions from t",
                        "ALTER TABLE t"))
                .allMatch(StringLiterals::looksLikeStarRocksStatement);
        assertThat(Stream.of(
                        "Show the project's models by kind, audits, tests",
                        "Create a StarRocks model project",
                        "Show how the models differ from an environment (default prod)",
                        "select item '-' names no column",
                        "dropping db.t, a staging table",
                        "update_key 'k' is not a column",
                        "information_schema",
                        ""))
                .noneMatch(StringLiterals::looksLikeStarRocksStatement);
    }

    /** String literals in Java source text (comments and char literals skipped; text blocks with their content). */
    static final class StringLiterals {
        private static final Pattern STATEMENT = Pattern.compile(
                "(?i)(select|insert|create|alter|drop|show|truncate|delete|update|refresh)\\s.*", Pattern.DOTALL);
        private static final Pattern INFORMATION_SCHEMA =
                Pattern.compile("(?i)information_schema\\s*\\..*", Pattern.DOTALL);
        /** A second word that makes a lower-case or capitalised keyword SQL rather than an English sentence. */
        private static final Pattern SQL_WORD = Pattern.compile(
                "(?i).*\\b(from|into|table|tables|database|databases|view|where|values|partition|partitions)\\b.*",
                Pattern.DOTALL);

        private StringLiterals() {}

        /**
         * Whether a literal starts like a StarRocks statement: a statement keyword written in capitals ({@code "SELECT "}),
         * or in lower case when the literal goes on like SQL ({@code "select * from t"}, not {@code "select names no
         * column"}), or a reference into {@code information_schema} (the schema's bare name is just a name). A capitalised keyword starts an English sentence ({@code "Show how"}).
         */
        static boolean looksLikeStarRocksStatement(String literal) {
            String text = literal.stripLeading();
            if (INFORMATION_SCHEMA.matcher(text).matches()) {
                return true;
            }
            if (!STATEMENT.matcher(text).matches()) {
                return false;
            }
            String keyword = text.split("\\s", 2)[0];
            if (keyword.equals(keyword.toUpperCase(Locale.ROOT))) {
                return true;
            }
            // Lower case is how SQL is often typed; a capitalised word starts a sentence ("Show how ...").
            return keyword.equals(keyword.toLowerCase(Locale.ROOT))
                    && SQL_WORD.matcher(text).matches();
        }

        static List<String> of(String source) {
            List<String> literals = new ArrayList<>();
            int i = 0;
            int n = source.length();
            while (i < n) {
                char c = source.charAt(i);
                if (source.startsWith("//", i)) {
                    int end = source.indexOf('\n', i);
                    i = end < 0 ? n : end;
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                } else if (source.startsWith("\"\"\"", i)) {
                    int start = source.indexOf('\n', i + 3) + 1;
                    int end = start;
                    while (end < n && !(source.startsWith("\"\"\"", end) && source.charAt(end - 1) != '\\')) {
                        end++;
                    }
                    literals.add(source.substring(start, end));
                    i = end + 3;
                } else if (c == '"' || c == '\'') {
                    int end = i + 1;
                    while (end < n && source.charAt(end) != c) {
                        end += source.charAt(end) == '\\' ? 2 : 1;
                    }
                    if (c == '"') {
                        literals.add(source.substring(i + 1, end));
                    }
                    i = end + 1;
                } else {
                    i++;
                }
            }
            return literals;
        }
    }
}
