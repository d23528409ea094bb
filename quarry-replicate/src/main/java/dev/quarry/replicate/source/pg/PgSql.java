package dev.quarry.replicate.source.pg;

/** PostgreSQL quoting: every identifier quoted, every literal escaped, by construction. */
final class PgSql {
    private PgSql() {}

    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A standard-conforming string literal (standard_conforming_strings is on by default since 9.1). */
    static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a PostgreSQL literal cannot contain NUL");
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
