package dev.quarry.sandbox.engine;

/** Quoting for the DuckDB SQL the engine generates: identifiers always quoted, literals always escaped. */
final class Sql {
    private Sql() {}

    static String quoteIdent(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String quoteString(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    /** {@code "db"."table"}. */
    static String table(String db, String table) {
        return quoteIdent(db) + "." + quoteIdent(table);
    }

    /** StarRocks' backquoted form for SHOW CREATE output. */
    static String backquote(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    /** StarRocks' double-quoted string form for SHOW CREATE output. */
    static String dquote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
