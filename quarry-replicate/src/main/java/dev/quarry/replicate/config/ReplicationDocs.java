package dev.quarry.replicate.config;

import java.util.List;
import java.util.Map;

/** Reference documentation of the replication file, generated from the option declarations (one source of truth). */
public final class ReplicationDocs {
    private ReplicationDocs() {}

    /** Markdown tables of stream keys, source options and target options, and the Sling keys Quarry refuses. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        section(out, "Stream keys (also valid under `defaults`)", StreamKey.values());
        section(out, "source_options", SourceOption.values());
        section(out, "target_options", TargetOption.values());
        out.append("## Sling keys accepted with no effect on StarRocks (each warns once per file)\n\n");
        for (Option[] set : List.of(StreamKey.values(), SourceOption.values(), TargetOption.values())) {
            for (Option o : set) {
                if (o.ignored() != null) {
                    out.append("- `")
                            .append(o.key())
                            .append("`: ")
                            .append(o.ignored())
                            .append('\n');
                }
            }
        }
        out.append("\n## Sling keys Quarry does not accept\n\n");
        for (Option[] set : List.of(StreamKey.values(), SourceOption.values(), TargetOption.values())) {
            for (Option o : set) {
                if (o.unsupported() != null) {
                    out.append("- `")
                            .append(o.key())
                            .append("`: ")
                            .append(o.unsupported())
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Option[] options) {
        out.append("## ").append(title).append("\n\n| key | type | default | description |\n|---|---|---|---|\n");
        for (Option o : options) {
            if (o.unsupported() != null || o.ignored() != null) {
                continue;
            }
            out.append("| `")
                    .append(o.key())
                    .append("` | ")
                    .append(o.type() == null ? "mapping" : o.type().expected())
                    .append(" | ")
                    .append(show(o.defaultValue()))
                    .append(" | ")
                    .append(o.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static String show(Object value) {
        if (value == null
                || (value instanceof List && ((List<?>) value).isEmpty())
                || (value instanceof Map && ((Map<?, ?>) value).isEmpty())) {
            return "–";
        }
        return "`" + value + "`";
    }
}
