package dev.quarry.replicate.source.pg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-side reader of Stream Load CSV as StarRocks documents it for our headers (column_separator ',', enclose
 * '"' with doubled quotes inside, no escape, a bare \N is NULL, an empty bare field is the empty string, rows end
 * with LF). Strict: a bare field must be free of quotes and CR (PostgreSQL encloses every value holding them), an
 * empty line fails (Stream Load would skip it), and anything else fails too.
 */
final class CsvRows {
    private CsvRows() {}

    static List<List<String>> parse(byte[] body) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        int i = 0;
        while (i < body.length) {
            if (body[i] == '"') {
                ByteArrayOutputStream value = new ByteArrayOutputStream();
                i++;
                while (true) {
                    if (i >= body.length) {
                        throw new IllegalArgumentException("unterminated enclosed field");
                    }
                    if (body[i] == '"') {
                        if (i + 1 < body.length && body[i + 1] == '"') {
                            value.write('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.write(body[i++]);
                }
                row.add(value.toString(StandardCharsets.UTF_8));
            } else {
                int start = i;
                while (i < body.length && body[i] != ',' && body[i] != '\n') {
                    i++;
                }
                String raw = new String(body, start, i - start, StandardCharsets.UTF_8);
                if (raw.isEmpty() && row.isEmpty() && i < body.length && body[i] == '\n') {
                    throw new IllegalArgumentException("empty line, which Stream Load skips");
                }
                if (raw.indexOf('"') >= 0 || raw.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException(
                            "unenclosed field that should have been enclosed: '" + raw + "'");
                }
                row.add(raw.equals("\\N") ? null : raw);
            }
            if (i >= body.length) {
                throw new IllegalArgumentException("last row has no LF");
            }
            if (body[i] == ',') {
                i++;
            } else if (body[i] == '\n') {
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                throw new IllegalArgumentException("garbage after a field at byte " + i);
            }
        }
        return rows;
    }
}
