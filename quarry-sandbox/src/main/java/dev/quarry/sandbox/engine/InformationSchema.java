package dev.quarry.sandbox.engine;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * StarRocks' information_schema views (docs/starrocks.md §5.8) over the engine's catalog tables. Queries name
 * {@code information_schema}; the rewriter points them at {@value #SCHEMA}.
 */
final class InformationSchema {
    static final String SCHEMA = "__sr_is";

    private InformationSchema() {}

    /** An empty view with MySQL's columns (all text): tools query these; StarRocks keeps no such metadata here. */
    private static void empty(Statement s, String name, String... columns) throws SQLException {
        StringBuilder b = new StringBuilder("CREATE OR REPLACE VIEW " + SCHEMA + "." + name + " AS SELECT ");
        for (int i = 0; i < columns.length; i++) {
            b.append(i > 0 ? ", " : "").append("CAST(NULL AS VARCHAR) AS ").append(columns[i]);
        }
        s.execute(b.append(" LIMIT 0").toString());
    }

    static void create(Statement s) throws SQLException {
        String c = Catalog.SCHEMA;
        s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        String systemDbs = "SELECT unnest(['_statistics_', 'information_schema', 'sys']) AS name";
        s.execute("CREATE OR REPLACE VIEW " + SCHEMA + ".schemata AS SELECT 'def' AS CATALOG_NAME, name AS SCHEMA_NAME,"
                + " 'utf8' AS DEFAULT_CHARACTER_SET_NAME, 'utf8_general_ci' AS DEFAULT_COLLATION_NAME,"
                + " CAST(NULL AS VARCHAR) AS SQL_PATH FROM (SELECT name FROM " + c + ".dbs UNION ALL " + systemDbs
                + ")");
        s.execute("CREATE OR REPLACE VIEW " + SCHEMA + ".tables AS SELECT 'def' AS TABLE_CATALOG, db AS TABLE_SCHEMA,"
                + " name AS TABLE_NAME, CASE kind WHEN 'TABLE' THEN 'BASE TABLE' ELSE 'VIEW' END AS TABLE_TYPE,"
                + " CASE kind WHEN 'VIEW' THEN CAST(NULL AS VARCHAR) ELSE 'StarRocks' END AS ENGINE,"
                + " CAST(NULL AS BIGINT) AS VERSION, CAST(NULL AS VARCHAR) AS ROW_FORMAT,"
                // DuckDB's row estimate stands in for StarRocks' statistics-based TABLE_ROWS.
                + " coalesce((SELECT d.estimated_size FROM duckdb_tables() d WHERE d.schema_name = db AND d.table_name = name"
                + " AND NOT d.temporary), 0) AS TABLE_ROWS,"
                + " CAST(0 AS BIGINT) AS AVG_ROW_LENGTH, CAST(0 AS BIGINT) AS DATA_LENGTH, CAST(NULL AS BIGINT) AS MAX_DATA_LENGTH,"
                + " CAST(NULL AS BIGINT) AS INDEX_LENGTH, CAST(NULL AS BIGINT) AS DATA_FREE, CAST(NULL AS BIGINT) AS AUTO_INCREMENT,"
                + " created AS CREATE_TIME, created AS UPDATE_TIME, CAST(NULL AS TIMESTAMP) AS CHECK_TIME,"
                + " 'utf8_general_ci' AS TABLE_COLLATION, CAST(NULL AS BIGINT) AS CHECKSUM, '' AS CREATE_OPTIONS,"
                + " coalesce(comment, '') AS TABLE_COMMENT FROM " + c + ".tbls");
        s.execute(
                "CREATE OR REPLACE VIEW " + SCHEMA + ".columns AS SELECT 'def' AS TABLE_CATALOG, k.db AS TABLE_SCHEMA,"
                        + " k.tbl AS TABLE_NAME, k.name AS COLUMN_NAME, CAST(k.ord AS BIGINT) AS ORDINAL_POSITION,"
                        + " k.dflt AS COLUMN_DEFAULT, CASE WHEN k.nullable THEN 'YES' ELSE 'NO' END AS IS_NULLABLE,"
                        + " k.data_type AS DATA_TYPE, k.char_len AS CHARACTER_MAXIMUM_LENGTH, k.char_len AS CHARACTER_OCTET_LENGTH,"
                        + " k.num_precision AS NUMERIC_PRECISION, k.num_scale AS NUMERIC_SCALE, k.dt_precision AS DATETIME_PRECISION,"
                        + " CASE WHEN k.char_len IS NULL THEN NULL ELSE 'utf8' END AS CHARACTER_SET_NAME,"
                        + " CASE WHEN k.char_len IS NULL THEN NULL ELSE 'utf8_general_ci' END AS COLLATION_NAME,"
                        + " k.column_type AS COLUMN_TYPE,"
                        + " CASE WHEN NOT k.is_key THEN '' WHEN t.model = 'PRI_KEYS' THEN 'PRI' WHEN t.model = 'UNQ_KEYS' THEN 'UNI'"
                        + " WHEN t.model = 'AGG_KEYS' THEN 'AGG' ELSE 'DUP' END AS COLUMN_KEY,"
                        + " '' AS EXTRA, 'SELECT,INSERT,UPDATE,REFERENCES' AS PRIVILEGES, coalesce(k.comment, '') AS COLUMN_COMMENT,"
                        + " coalesce(k.num_precision, k.char_len) AS COLUMN_SIZE, k.num_scale AS DECIMAL_DIGITS,"
                        + " CAST(NULL AS VARCHAR) AS GENERATION_EXPRESSION, CAST(NULL AS BIGINT) AS SRS_ID"
                        + " FROM " + c + ".cols k JOIN " + c + ".tbls t ON t.db = k.db AND t.name = k.tbl");
        s.execute("CREATE OR REPLACE VIEW " + SCHEMA + ".views AS SELECT 'def' AS TABLE_CATALOG, db AS TABLE_SCHEMA,"
                + " name AS TABLE_NAME, view_def AS VIEW_DEFINITION, 'NONE' AS CHECK_OPTION, 'NO' AS IS_UPDATABLE,"
                + " 'root@%' AS DEFINER, coalesce(json_extract_string(properties, '$.security'), 'NONE') AS SECURITY_TYPE,"
                + " 'utf8' AS CHARACTER_SET_CLIENT, 'utf8_general_ci' AS COLLATION_CONNECTION"
                + " FROM " + c + ".tbls WHERE kind = 'VIEW'");
        s.execute("CREATE OR REPLACE VIEW " + SCHEMA
                + ".materialized_views AS SELECT CAST(id AS VARCHAR) AS MATERIALIZED_VIEW_ID,"
                + " db AS TABLE_SCHEMA, name AS TABLE_NAME, coalesce(refresh, 'MANUAL') AS REFRESH_TYPE,"
                + " CASE WHEN json_extract_string(properties, '$.__inactive_reason') IS NULL THEN 'true' ELSE 'false' END"
                + " AS IS_ACTIVE, coalesce(json_extract_string(properties, '$.__inactive_reason'), '') AS INACTIVE_REASON, CASE WHEN partition_key = '' THEN 'UNPARTITIONED' ELSE 'RANGE' END AS PARTITION_TYPE,"
                + " view_def AS MATERIALIZED_VIEW_DEFINITION, CAST(0 AS BIGINT) AS TABLE_ROWS"
                + " FROM " + c + ".tbls WHERE kind = 'MATERIALIZED_VIEW'");
        empty(
                s,
                "statistics",
                "TABLE_CATALOG",
                "TABLE_SCHEMA",
                "TABLE_NAME",
                "NON_UNIQUE",
                "INDEX_SCHEMA",
                "INDEX_NAME",
                "SEQ_IN_INDEX",
                "COLUMN_NAME",
                "COLLATION",
                "CARDINALITY",
                "SUB_PART",
                "PACKED",
                "NULLABLE",
                "INDEX_TYPE",
                "COMMENT",
                "INDEX_COMMENT");
        empty(
                s,
                "key_column_usage",
                "CONSTRAINT_CATALOG",
                "CONSTRAINT_SCHEMA",
                "CONSTRAINT_NAME",
                "TABLE_CATALOG",
                "TABLE_SCHEMA",
                "TABLE_NAME",
                "COLUMN_NAME",
                "ORDINAL_POSITION",
                "POSITION_IN_UNIQUE_CONSTRAINT",
                "REFERENCED_TABLE_SCHEMA",
                "REFERENCED_TABLE_NAME",
                "REFERENCED_COLUMN_NAME");
        empty(
                s,
                "table_constraints",
                "CONSTRAINT_CATALOG",
                "CONSTRAINT_SCHEMA",
                "CONSTRAINT_NAME",
                "TABLE_SCHEMA",
                "TABLE_NAME",
                "CONSTRAINT_TYPE");
        empty(
                s,
                "referential_constraints",
                "CONSTRAINT_CATALOG",
                "CONSTRAINT_SCHEMA",
                "CONSTRAINT_NAME",
                "UNIQUE_CONSTRAINT_CATALOG",
                "UNIQUE_CONSTRAINT_SCHEMA",
                "UNIQUE_CONSTRAINT_NAME",
                "MATCH_OPTION",
                "UPDATE_RULE",
                "DELETE_RULE",
                "TABLE_NAME",
                "REFERENCED_TABLE_NAME");
        empty(
                s,
                "routines",
                "SPECIFIC_NAME",
                "ROUTINE_CATALOG",
                "ROUTINE_SCHEMA",
                "ROUTINE_NAME",
                "ROUTINE_TYPE",
                "DTD_IDENTIFIER",
                "ROUTINE_BODY",
                "ROUTINE_DEFINITION",
                "EXTERNAL_NAME",
                "EXTERNAL_LANGUAGE",
                "PARAMETER_STYLE",
                "IS_DETERMINISTIC",
                "SQL_DATA_ACCESS",
                "SQL_PATH",
                "SECURITY_TYPE",
                "CREATED",
                "LAST_ALTERED",
                "SQL_MODE",
                "ROUTINE_COMMENT",
                "DEFINER",
                "CHARACTER_SET_CLIENT",
                "COLLATION_CONNECTION",
                "DATABASE_COLLATION");
        s.execute("CREATE OR REPLACE VIEW " + SCHEMA + ".engines AS SELECT 'StarRocks' AS ENGINE, 'YES' AS SUPPORT,"
                + " 'StarRocks storage engine' AS COMMENT, 'YES' AS TRANSACTIONS, 'NO' AS XA, 'NO' AS SAVEPOINTS");
        s.execute(
                "CREATE OR REPLACE VIEW " + SCHEMA + ".character_sets AS SELECT 'utf8' AS CHARACTER_SET_NAME,"
                        + " 'utf8_general_ci' AS DEFAULT_COLLATE_NAME, 'UTF-8 Unicode' AS DESCRIPTION, CAST(3 AS BIGINT) AS MAXLEN");
        s.execute("CREATE OR REPLACE VIEW " + SCHEMA + ".collations AS SELECT 'utf8_general_ci' AS COLLATION_NAME,"
                + " 'utf8' AS CHARACTER_SET_NAME, CAST(33 AS BIGINT) AS ID, 'Yes' AS IS_DEFAULT, 'Yes' AS IS_COMPILED,"
                + " CAST(1 AS BIGINT) AS SORTLEN");
        s.execute(
                "CREATE OR REPLACE VIEW " + SCHEMA + ".tables_config AS SELECT db AS TABLE_SCHEMA, name AS TABLE_NAME,"
                        + " 'OLAP' AS TABLE_ENGINE, model AS TABLE_MODEL, primary_key AS PRIMARY_KEY, partition_key AS PARTITION_KEY,"
                        + " distribute_key AS DISTRIBUTE_KEY, distribute_type AS DISTRIBUTE_TYPE, buckets AS DISTRIBUTE_BUCKET,"
                        + " sort_key AS SORT_KEY, properties AS PROPERTIES, id AS TABLE_ID"
                        + " FROM " + c + ".tbls WHERE kind <> 'VIEW'");
    }
}
