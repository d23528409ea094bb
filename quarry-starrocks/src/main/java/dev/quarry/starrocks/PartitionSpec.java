package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How a table is partitioned (docs/starrocks.md §3.5): expression partitioning, RANGE or LIST.
 */
public sealed interface PartitionSpec permits PartitionSpec.ByExpressions, PartitionSpec.ByRange, PartitionSpec.ByList {

    /** The columns the partitioning reads, for the key-column checks of {@link TableSpec}. */
    List<String> columns();

    /** Expression partitioning: partitions are created on load (3.0; plain columns 3.1). */
    static PartitionSpec expressions(List<PartitionExpr> expressions) {
        return new ByExpressions(expressions);
    }

    static PartitionSpec expressions(PartitionExpr... expressions) {
        return new ByExpressions(List.of(expressions));
    }

    static PartitionSpec range(List<String> columns, List<RangePartition> partitions) {
        return new ByRange(columns, partitions);
    }

    static PartitionSpec list(List<String> columns, List<ListPartition> partitions) {
        return new ByList(columns, partitions);
    }

    /**
     * Reads an expression list such as {@code date_trunc('day', col2), col3} (optionally in parentheses), the form of
     * SQLMesh's {@code partitioned_by} / {@code partition_by}.
     */
    static PartitionSpec parseExpressions(String text) {
        requireNonNull(text, "partition expressions are null");
        String t = text.strip();
        if (t.startsWith("(") && t.endsWith(")") && closingParen(t, 0) == t.length() - 1) {
            t = t.substring(1, t.length() - 1);
        }
        List<PartitionExpr> exprs = new java.util.ArrayList<>();
        for (String part : splitTopLevel(t)) {
            exprs.add(PartitionExpr.parse(part));
        }
        return new ByExpressions(exprs);
    }

    /**
     * Splits {@code a, date_trunc('day', b)} at the commas outside parentheses and single-quoted strings; the parts
     * keep their surrounding spaces.
     */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int closingParen(String t, int open) {
        int depth = 0;
        for (int i = open; i < t.length(); i++) {
            if (t.charAt(i) == '(') {
                depth++;
            } else if (t.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code PARTITION BY date_trunc('day', c), c2} or {@code PARTITION BY (c1, c2)}. */
    record ByExpressions(List<PartitionExpr> expressions) implements PartitionSpec {
        public ByExpressions {
            expressions = List.copyOf(requireNonNull(expressions, "expressions is null"));
            if (expressions.isEmpty()) {
                throw new InvalidSpecException("expression partitioning needs at least one expression");
            }
        }

        @Override
        public List<String> columns() {
            return expressions.stream().map(PartitionExpr::column).collect(Collectors.toList());
        }

        boolean onlyColumns() {
            return expressions.stream().allMatch(e -> e instanceof PartitionExpr.Column);
        }
    }

    /** {@code PARTITION BY RANGE (cols) (partitions...)}; StarRocks needs at least one initial partition here. */
    record ByRange(List<String> columns, List<RangePartition> partitions) implements PartitionSpec {
        public ByRange {
            columns = nonEmptyDistinct(columns, "RANGE partitioning");
            partitions = List.copyOf(requireNonNull(partitions, "partitions is null"));
            for (RangePartition p : partitions) {
                p.checkArity(columns.size());
            }
            uniqueNames(partitions.stream()
                    .map(RangePartition::name)
                    .flatMap(Optional::stream)
                    .collect(Collectors.toList()));
        }
    }

    /** {@code PARTITION BY LIST (cols) (PARTITION p VALUES IN (...), ...)} (3.1). */
    record ByList(List<String> columns, List<ListPartition> partitions) implements PartitionSpec {
        public ByList {
            columns = nonEmptyDistinct(columns, "LIST partitioning");
            partitions = List.copyOf(requireNonNull(partitions, "partitions is null"));
            if (partitions.isEmpty()) {
                throw new InvalidSpecException("LIST partitioning needs at least one partition");
            }
            for (ListPartition p : partitions) {
                for (List<String> tuple : p.values()) {
                    if (tuple.size() != columns.size()) {
                        throw new InvalidSpecException("partition " + p.name() + " lists " + tuple.size()
                                + " value(s) per entry, but LIST partitioning has " + columns.size() + " column(s)");
                    }
                }
            }
            uniqueNames(partitions.stream().map(ListPartition::name).collect(Collectors.toList()));
        }
    }

    /** One expression of expression partitioning. */
    sealed interface PartitionExpr permits PartitionExpr.Column, PartitionExpr.DateTrunc, PartitionExpr.TimeSlice {
        String column();

        static PartitionExpr column(String name) {
            return new Column(name);
        }

        /**
         * Reads one expression as SQLMesh projects write it: a column ({@code region}, {@code `region`}),
         * {@code date_trunc('day', col)} or {@code time_slice(col, INTERVAL 1 day)}.
         */
        static PartitionExpr parse(String text) {
            requireNonNull(text, "partition expression is null");
            String t = text.strip();
            java.util.regex.Matcher m = Parsing.DATE_TRUNC.matcher(t);
            if (m.matches()) {
                return new DateTrunc(
                        TimeUnit.parse(m.group(1), "partition expression '" + t + "'"), unquote(m.group(2)));
            }
            m = Parsing.TIME_SLICE.matcher(t);
            if (m.matches()) {
                return new TimeSlice(
                        unquote(m.group(1)),
                        Parsing.positive(m.group(2), "time_slice interval"),
                        TimeUnit.parse(m.group(3), "partition expression '" + t + "'"));
            }
            if (Parsing.COLUMN.matcher(t).matches()) {
                return new Column(unquote(t));
            }
            throw new InvalidSpecException("unsupported partition expression '" + t
                    + "': expected a column, date_trunc('unit', column) or time_slice(column, INTERVAL n unit)");
        }

        static PartitionExpr dateTrunc(TimeUnit unit, String column) {
            return new DateTrunc(unit, column);
        }

        static PartitionExpr timeSlice(String column, int count, TimeUnit unit) {
            return new TimeSlice(column, count, unit);
        }

        /** A plain column (list partitions created on load). */
        record Column(String column) implements PartitionExpr {
            public Column {
                requireNonNull(column, "partition column is null");
            }
        }

        /** {@code date_trunc('unit', column)}. */
        record DateTrunc(TimeUnit unit, String column) implements PartitionExpr {
            public DateTrunc {
                requireNonNull(unit, "unit is null");
                requireNonNull(column, "partition column is null");
                if (unit == TimeUnit.SECOND) {
                    throw new InvalidSpecException(
                            "date_trunc partitioning by SECOND is not supported; use MINUTE or coarser");
                }
            }
        }

        /** {@code time_slice(column, INTERVAL n unit)}. */
        record TimeSlice(String column, int count, TimeUnit unit) implements PartitionExpr {
            public TimeSlice {
                requireNonNull(column, "partition column is null");
                requireNonNull(unit, "unit is null");
                if (count < 1) {
                    throw new InvalidSpecException("time_slice interval must be positive, got " + count);
                }
            }
        }
    }

    /** One initial partition of RANGE partitioning. Bounds are written as string constants, which StarRocks casts. */
    sealed interface RangePartition permits RangePartition.LessThan, RangePartition.Fixed, RangePartition.Batch {
        Optional<String> name();

        void checkArity(int columns);

        /**
         * Reads one RANGE partition as StarRocks writes it: {@code PARTITION p VALUES LESS THAN ("v")},
         * {@code PARTITION p VALUES [("lo"), ("hi"))} or {@code START ("s") END ("e") EVERY (INTERVAL 1 DAY)}.
         */
        static RangePartition parse(String text) {
            return PartitionParser.range(java.util.Objects.requireNonNull(text, "partition is null"));
        }

        /** {@code PARTITION p VALUES LESS THAN ("v", ...)}; an empty list means {@code MAXVALUE}. */
        static RangePartition lessThan(String name, List<String> upper) {
            return new LessThan(name, upper);
        }

        /** {@code PARTITION p VALUES [("lo"), ("hi"))}: left-closed, right-open. */
        static RangePartition fixed(String name, List<String> lower, List<String> upper) {
            return new Fixed(name, lower, upper);
        }

        /** {@code START ("s") END ("e") EVERY (INTERVAL n unit)}; without a unit {@code EVERY (n)} for integer columns. */
        static RangePartition batch(String start, String end, int every, Optional<TimeUnit> unit) {
            return new Batch(start, end, every, unit);
        }

        record LessThan(String partitionName, List<String> upper) implements RangePartition {
            public LessThan {
                requireNonNull(partitionName, "partition name is null");
                upper = List.copyOf(requireNonNull(upper, "upper is null"));
            }

            @Override
            public Optional<String> name() {
                return Optional.of(partitionName);
            }

            @Override
            public void checkArity(int columns) {
                if (!upper.isEmpty() && upper.size() > columns) {
                    throw new InvalidSpecException("partition " + partitionName + " has " + upper.size()
                            + " bound value(s) for " + columns + " RANGE column(s)");
                }
            }
        }

        record Fixed(String partitionName, List<String> lower, List<String> upper) implements RangePartition {
            public Fixed {
                requireNonNull(partitionName, "partition name is null");
                lower = List.copyOf(requireNonNull(lower, "lower is null"));
                upper = List.copyOf(requireNonNull(upper, "upper is null"));
                if (lower.isEmpty() || lower.size() != upper.size()) {
                    throw new InvalidSpecException("partition " + partitionName
                            + ": [lower, upper) bounds need the same, non-zero number of values");
                }
            }

            @Override
            public Optional<String> name() {
                return Optional.of(partitionName);
            }

            @Override
            public void checkArity(int columns) {
                if (lower.size() > columns) {
                    throw new InvalidSpecException("partition " + partitionName + " has " + lower.size()
                            + " bound value(s) for " + columns + " RANGE column(s)");
                }
            }
        }

        record Batch(String start, String end, int every, Optional<TimeUnit> unit) implements RangePartition {
            public Batch {
                requireNonNull(start, "start is null");
                requireNonNull(end, "end is null");
                requireNonNull(unit, "unit is null");
                if (every < 1) {
                    throw new InvalidSpecException("EVERY must be positive, got " + every);
                }
            }

            @Override
            public Optional<String> name() {
                return Optional.empty();
            }

            @Override
            public void checkArity(int columns) {
                if (columns != 1) {
                    throw new InvalidSpecException(
                            "START/END/EVERY partitions need exactly one RANGE column, got " + columns);
                }
            }
        }
    }

    /**
     * One partition of LIST partitioning.
     *
     * @param name partition name
     * @param values one entry per accepted value tuple (one value per partition column)
     */
    record ListPartition(String name, List<List<String>> values) {
        public ListPartition {
            requireNonNull(name, "partition name is null");
            values = requireNonNull(values, "values is null").stream()
                    .map(List::copyOf)
                    .collect(Collectors.toUnmodifiableList());
            if (values.isEmpty()) {
                throw new InvalidSpecException("partition " + name + " lists no values");
            }
        }

        /** Reads {@code PARTITION p VALUES IN ("a", "b")} or {@code PARTITION p VALUES IN (("a", 1), ("b", 2))}. */
        public static ListPartition parse(String text) {
            return PartitionParser.list(requireNonNull(text, "partition is null"));
        }

        /** A single-column partition accepting {@code values}. */
        public static ListPartition of(String name, String... values) {
            return new ListPartition(
                    name, java.util.Arrays.stream(values).map(List::of).collect(Collectors.toList()));
        }
    }

    private static String unquote(String name) {
        return name.startsWith("`") ? name.substring(1, name.length() - 1) : name;
    }

    private static List<String> nonEmptyDistinct(List<String> columns, String what) {
        List<String> copy = List.copyOf(requireNonNull(columns, "columns is null"));
        if (copy.isEmpty()) {
            throw new InvalidSpecException(what + " needs at least one column");
        }
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String c : copy) {
            if (!seen.add(c)) {
                throw new InvalidSpecException(what + " lists column " + c + " twice");
            }
        }
        return copy;
    }

    private static void uniqueNames(List<String> names) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String n : names) {
            if (!seen.add(n)) {
                throw new InvalidSpecException("partition name " + n + " is used twice");
            }
        }
    }
}
