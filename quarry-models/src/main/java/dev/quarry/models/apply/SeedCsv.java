package dev.quarry.models.apply;

import dev.quarry.core.FileText;
import dev.quarry.models.project.Model;
import dev.quarry.models.project.ModelException;
import dev.quarry.starrocks.ColumnSpec;
import dev.quarry.starrocks.StarRocksType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A seed CSV: header, body without the header, and column types inferred from the values.
 *
 * @param header the column names of the header line
 * @param body the lines after the header, as Stream Load receives them
 * @param rows number of data lines
 * @param delimiter the field separator ({@code csv_settings (delimiter ...)}, default a comma)
 * @param columns the header's columns with types inferred from the values
 */
record SeedCsv(List<String> header, String body, int rows, String delimiter, List<ColumnSpec> columns) {
    static SeedCsv read(Model m, Path csv) {
        String text;
        try {
            text = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException(
                    m.location(), "model " + m.name() + ": seed file " + csv + " " + FileText.problem(csv, e));
        }
        String delimiter = m.kind().csvSettings().getOrDefault("delimiter", ",").replace("'", "");
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new ModelException(
                    m.location(), "model " + m.name() + ": seed file " + csv + " is empty (it needs a header line)");
        }
        for (int i = 0; i < lines.size(); i++) {
            // An odd number of double quotes leaves a field open: fields do not span lines here.
            if (lines.get(i).chars().filter(ch -> ch == '"').count() % 2 == 1) {
                throw new ModelException(
                        m.location(),
                        "model " + m.name() + ": " + csv.getFileName() + " line " + (i + 1)
                                + " has an unclosed double quote (a quoted field must end on its line)");
            }
        }
        List<String> header =
                split(lines.get(0), delimiter).stream().map(String::strip).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> row = split(lines.get(i), delimiter);
            if (row.size() != header.size()) {
                throw new ModelException(
                        m.location(),
                        "model " + m.name() + ": " + csv.getFileName() + " line " + (i + 1) + " has " + row.size()
                                + " fields, the header " + header.size());
            }
            rows.add(row);
        }
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            int col = c;
            columns.add(ColumnSpec.of(
                    header.get(c),
                    StarRocksType.parse(
                            inferType(rows.stream().map(r -> r.get(col)).toList()))));
        }
        String body = String.join("\n", lines.subList(1, lines.size())) + "\n";
        return new SeedCsv(header, body, rows.size(), delimiter, columns);
    }

    private static String inferType(List<String> values) {
        List<String> present =
                values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        if (present.isEmpty()) {
            return "VARCHAR(" + StarRocksType.STRING_LENGTH + ")";
        }
        if (present.stream().allMatch(v -> v.matches("-?\\d{1,18}"))) {
            return "BIGINT";
        }
        if (present.stream().allMatch(v -> v.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?"))) {
            return "DOUBLE";
        }
        if (present.stream().allMatch(v -> v.matches("\\d{4}-\\d{2}-\\d{2}"))) {
            return "DATE";
        }
        if (present.stream().allMatch(v -> v.matches("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?"))) {
            return "DATETIME";
        }
        if (present.stream().allMatch(v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
            return "BOOLEAN";
        }
        return "VARCHAR(" + StarRocksType.STRING_LENGTH + ")";
    }

    /** Splits one CSV line, honouring double quotes (a doubled quote is a quote). */
    static List<String> split(String line, String delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (line.startsWith(delimiter, i)) {
                out.add(cur.toString());
                cur.setLength(0);
                i += delimiter.length() - 1;
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
