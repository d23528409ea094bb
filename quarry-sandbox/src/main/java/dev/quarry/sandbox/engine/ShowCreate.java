package dev.quarry.sandbox.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SHOW CREATE TABLE / VIEW / MATERIALIZED VIEW in StarRocks 3.x's canonical layout (test_ddl/R/create_table_like). */
final class ShowCreate {
    private ShowCreate() {}

    /** Properties StarRocks prints first, in its order, with their defaults. */
    static Map<String, String> printedProperties(TableDef t) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> p = t.properties();
        out.put("replication_num", p.getOrDefault("replication_num", "3"));
        out.put("in_memory", p.getOrDefault("in_memory", "false"));
        out.put(
                "enable_persistent_index",
                p.getOrDefault("enable_persistent_index", t.keysType() == KeysType.PRIMARY ? "true" : "false"));
        out.put("replicated_storage", p.getOrDefault("replicated_storage", "true"));
        if (t.randomDistribution()) {
            out.put("bucket_size", p.getOrDefault("bucket_size", "4294967296"));
        }
        out.put("fast_schema_evolution", p.getOrDefault("fast_schema_evolution", "true"));
        out.put("compression", p.getOrDefault("compression", "LZ4"));
        for (Map.Entry<String, String> e : p.entrySet()) {
            out.putIfAbsent(e.getKey(), e.getValue());
        }
        return out;
    }

    static String table(TableDef t) {
        StringBuilder b = new StringBuilder("CREATE TABLE ")
                .append(Sql.backquote(t.name()))
                .append(" (\n");
        columns(b, t.columns(), true);
        b.append(") ENGINE=OLAP \n");
        b.append(t.keysType().sql()).append('(').append(names(t.keys())).append(")\n");
        if (!t.comment().isEmpty()) {
            b.append("COMMENT ").append(Sql.dquote(t.comment())).append('\n');
        }
        tail(b, t);
        return b.toString();
    }

    private static void columns(StringBuilder b, List<ColumnDef> cols, boolean full) {
        for (int i = 0; i < cols.size(); i++) {
            ColumnDef c = cols.get(i);
            b.append("  ")
                    .append(Sql.backquote(c.name()))
                    .append(' ')
                    .append(c.type().showCreate());
            if (full) {
                if (c.aggType() != null) {
                    b.append(' ').append(c.aggType().name());
                }
                b.append(c.nullable() ? " NULL" : " NOT NULL");
                if (c.autoIncrement()) {
                    b.append(" AUTO_INCREMENT");
                }
                if (c.defaultValue() != null) {
                    b.append(" DEFAULT ")
                            .append(c.defaultIsExpression() ? c.defaultValue() : Sql.dquote(c.defaultValue()));
                }
            }
            b.append(" COMMENT ").append(Sql.dquote(c.comment()));
            b.append(i + 1 < cols.size() ? ",\n" : "\n");
        }
    }

    private static void tail(StringBuilder b, TableDef t) {
        if (t.partitionDesc() != null) {
            b.append(t.partitionDesc()).append('\n');
        }
        if (t.randomDistribution()) {
            b.append("DISTRIBUTED BY RANDOM");
        } else {
            b.append("DISTRIBUTED BY HASH(")
                    .append(names(t.distributionColumns()))
                    .append(')');
        }
        if (t.buckets() > 0) {
            b.append(" BUCKETS ").append(t.buckets());
        }
        b.append(" \n");
        if (!t.orderBy().isEmpty()) {
            b.append("ORDER BY(").append(names(t.orderBy())).append(")\n");
        }
        b.append("PROPERTIES (\n");
        List<String> props = new ArrayList<>();
        for (Map.Entry<String, String> e : printedProperties(t).entrySet()) {
            props.add(Sql.dquote(e.getKey()) + " = " + Sql.dquote(e.getValue()));
        }
        b.append(String.join(",\n", props)).append("\n);");
    }

    static String view(TableDef v) {
        StringBuilder b = new StringBuilder("CREATE VIEW ")
                .append(Sql.backquote(v.name()))
                .append(" (");
        List<String> cols = new ArrayList<>();
        for (ColumnDef c : v.columns()) {
            cols.add(Sql.backquote(c.name()) + (c.comment().isEmpty() ? "" : " COMMENT " + Sql.dquote(c.comment())));
        }
        b.append(String.join(", ", cols)).append(')');
        if (!v.comment().isEmpty()) {
            b.append(" COMMENT ").append(Sql.dquote(v.comment()));
        }
        String security = v.properties().get("security");
        if (security != null) {
            b.append(" SECURITY ").append(security);
        }
        return b.append(" AS ").append(v.query()).append(';').toString();
    }

    static String materializedView(TableDef mv) {
        StringBuilder b = new StringBuilder("CREATE MATERIALIZED VIEW ")
                .append(Sql.backquote(mv.name()))
                .append(" (");
        List<String> cols = new ArrayList<>();
        for (ColumnDef c : mv.columns()) {
            cols.add(Sql.backquote(c.name()));
        }
        b.append(String.join(", ", cols)).append(")\n");
        if (!mv.comment().isEmpty()) {
            b.append("COMMENT ").append(Sql.dquote(mv.comment())).append('\n');
        }
        if (mv.partitionDesc() != null) {
            b.append(mv.partitionDesc()).append('\n');
        }
        if (mv.randomDistribution()) {
            b.append("DISTRIBUTED BY RANDOM");
        } else {
            b.append("DISTRIBUTED BY HASH(")
                    .append(names(mv.distributionColumns()))
                    .append(')');
        }
        if (mv.buckets() > 0) {
            b.append(" BUCKETS ").append(mv.buckets());
        }
        b.append('\n');
        b.append("REFRESH ").append(mv.refresh()).append('\n');
        if (!mv.orderBy().isEmpty()) {
            b.append("ORDER BY (").append(names(mv.orderBy())).append(")\n");
        }
        b.append("PROPERTIES (\n");
        List<String> props = new ArrayList<>();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("replication_num", mv.properties().getOrDefault("replication_num", "3"));
        p.put("replicated_storage", mv.properties().getOrDefault("replicated_storage", "true"));
        p.put("storage_medium", mv.properties().getOrDefault("storage_medium", "HDD"));
        for (Map.Entry<String, String> e : mv.properties().entrySet()) {
            if (!e.getKey().startsWith("__")) {
                p.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, String> e : p.entrySet()) {
            props.add(Sql.dquote(e.getKey()) + " = " + Sql.dquote(e.getValue()));
        }
        b.append(String.join(",\n", props))
                .append("\n)\nAS ")
                .append(mv.query())
                .append(';');
        return b.toString();
    }

    static String names(List<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) {
            q.add(Sql.backquote(n));
        }
        return String.join(", ", q);
    }
}
