package dev.quarry.starrocks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the partition definitions SQLMesh projects write as strings (SQLMesh's {@code partitions = ('PARTITION p
 * VALUES [("2024-01-01"), ("2024-01-02"))', ...)}) into specs, so they are re-rendered by construction rather than
 * pasted into DDL.
 */
final class PartitionParser {
    private final String text;
    private final List<String> tokens = new ArrayList<>();
    /** True where the token at the same index was a quoted string or backticked name. */
    private final List<Boolean> quoted = new ArrayList<>();

    private int pos;

    private PartitionParser(String text) {
        this.text = text;
        tokenize();
    }

    static PartitionSpec.RangePartition range(String text) {
        PartitionParser p = new PartitionParser(text);
        PartitionSpec.RangePartition r = p.rangePartition();
        p.end();
        return r;
    }

    static PartitionSpec.ListPartition list(String text) {
        PartitionParser p = new PartitionParser(text);
        p.keyword("PARTITION");
        String name = p.name();
        p.keyword("VALUES");
        p.keyword("IN");
        p.expect("(");
        List<List<String>> values = new ArrayList<>();
        do {
            if (p.peek("(")) {
                values.add(p.tuple());
            } else {
                values.add(List.of(p.value()));
            }
        } while (p.accept(","));
        p.expect(")");
        p.end();
        return new PartitionSpec.ListPartition(name, values);
    }

    private PartitionSpec.RangePartition rangePartition() {
        if (acceptKeyword("START")) {
            String start = single();
            keyword("END");
            String end = single();
            keyword("EVERY");
            expect("(");
            Optional<TimeUnit> unit = Optional.empty();
            if (acceptKeyword("INTERVAL")) {
                int n = Parsing.positive(next("an interval count"), "EVERY");
                unit = Optional.of(TimeUnit.parse(next("a time unit"), "partition '" + text.strip() + "'"));
                expect(")");
                return new PartitionSpec.RangePartition.Batch(start, end, n, unit);
            }
            int n = Parsing.positive(next("a number"), "EVERY");
            expect(")");
            return new PartitionSpec.RangePartition.Batch(start, end, n, unit);
        }
        keyword("PARTITION");
        String name = name();
        keyword("VALUES");
        if (acceptKeyword("LESS")) {
            keyword("THAN");
            if (acceptKeyword("MAXVALUE")) {
                return new PartitionSpec.RangePartition.LessThan(name, List.of());
            }
            if (peek("(")
                    && pos + 1 < tokens.size()
                    && tokens.get(pos + 1).equalsIgnoreCase("MAXVALUE")
                    && !quoted.get(pos + 1)) {
                expect("(");
                keyword("MAXVALUE");
                expect(")");
                return new PartitionSpec.RangePartition.LessThan(name, List.of());
            }
            return new PartitionSpec.RangePartition.LessThan(name, tuple());
        }
        expect("[");
        List<String> lower = tuple();
        expect(",");
        List<String> upper = tuple();
        expect(")");
        return new PartitionSpec.RangePartition.Fixed(name, lower, upper);
    }

    private String single() {
        List<String> t = tuple();
        if (t.size() != 1) {
            throw error("expected one value in parentheses");
        }
        return t.get(0);
    }

    private List<String> tuple() {
        expect("(");
        List<String> values = new ArrayList<>();
        do {
            values.add(value());
        } while (accept(","));
        expect(")");
        return values;
    }

    private String value() {
        if (pos >= tokens.size()) {
            throw error("expected a value");
        }
        String t = tokens.get(pos);
        if (!quoted.get(pos) && !t.matches("-?[0-9][0-9.:\\- ]*")) {
            throw error("expected a quoted value or a number, got '" + t + "'");
        }
        pos++;
        return t;
    }

    private String name() {
        if (pos >= tokens.size() || (!quoted.get(pos) && !tokens.get(pos).matches("[A-Za-z_][A-Za-z0-9_]*"))) {
            throw error("expected a partition name");
        }
        return tokens.get(pos++);
    }

    private String next(String what) {
        if (pos >= tokens.size()) {
            throw error("expected " + what);
        }
        return tokens.get(pos++);
    }

    private void keyword(String word) {
        if (!acceptKeyword(word)) {
            throw error("expected " + word);
        }
    }

    private boolean acceptKeyword(String word) {
        if (pos < tokens.size()
                && !quoted.get(pos)
                && tokens.get(pos).toUpperCase(Locale.ROOT).equals(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peek(String punct) {
        return pos < tokens.size() && !quoted.get(pos) && tokens.get(pos).equals(punct);
    }

    private boolean accept(String punct) {
        if (peek(punct)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String punct) {
        if (!accept(punct)) {
            throw error("expected '" + punct + "'");
        }
    }

    private void end() {
        if (pos != tokens.size()) {
            throw error("unexpected '" + tokens.get(pos) + "'");
        }
    }

    private InvalidSpecException error(String what) {
        return new InvalidSpecException("invalid partition '" + text.strip() + "': " + what);
    }

    private void tokenize() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'' || c == '`') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= text.length()) {
                        throw new InvalidSpecException("invalid partition '" + text.strip() + "': unterminated " + c);
                    }
                    char d = text.charAt(j);
                    if (d == '\\' && c != '`' && j + 1 < text.length()) {
                        sb.append(text.charAt(j + 1));
                        j += 2;
                    } else if (d == c && j + 1 < text.length() && text.charAt(j + 1) == c) {
                        sb.append(c);
                        j += 2;
                    } else if (d == c) {
                        break;
                    } else {
                        sb.append(d);
                        j++;
                    }
                }
                tokens.add(sb.toString());
                quoted.add(true);
                i = j + 1;
            } else if ("()[],".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                quoted.add(false);
                i++;
            } else {
                int j = i;
                while (j < text.length()
                        && !Character.isWhitespace(text.charAt(j))
                        && "()[],\"'`".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                tokens.add(text.substring(i, j));
                quoted.add(false);
                i = j;
            }
        }
    }
}
