package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/** DISTRIBUTED BY HASH(cols) [BUCKETS n] or DISTRIBUTED BY RANDOM [BUCKETS n] (docs/starrocks.md §3.6). */
public sealed interface Distribution permits Distribution.Hash, Distribution.Random {

    OptionalInt buckets();

    static Distribution hash(List<String> columns) {
        return new Hash(columns, OptionalInt.empty());
    }

    static Distribution hash(List<String> columns, int buckets) {
        return new Hash(columns, OptionalInt.of(buckets));
    }

    static Distribution random() {
        return new Random(OptionalInt.empty());
    }

    static Distribution random(int buckets) {
        return new Random(OptionalInt.of(buckets));
    }

    /**
     * Reads the clause body as StarRocks writes it after {@code DISTRIBUTED BY}: {@code HASH(c1, c2) BUCKETS 10},
     * {@code HASH(`c`)}, {@code RANDOM}, {@code RANDOM BUCKETS 4} (SQLMesh's string form of distributed_by).
     */
    static Distribution parse(String text) {
        requireNonNull(text, "distribution is null");
        Matcher m = Parsing.DISTRIBUTION.matcher(text.trim());
        if (!m.matches()) {
            throw new InvalidSpecException("invalid distribution '" + text.trim()
                    + "': expected HASH(col, ...) [BUCKETS n] or RANDOM [BUCKETS n]");
        }
        OptionalInt buckets =
                m.group(3) == null ? OptionalInt.empty() : OptionalInt.of(Parsing.positive(m.group(3), "BUCKETS"));
        if (m.group(1).toUpperCase(Locale.ROOT).equals("RANDOM")) {
            if (m.group(2) != null) {
                throw new InvalidSpecException("invalid distribution '" + text.trim() + "': RANDOM takes no columns");
            }
            return new Random(buckets);
        }
        if (m.group(2) == null) {
            throw new InvalidSpecException(
                    "invalid distribution '" + text.trim() + "': HASH needs columns, e.g. HASH(id)");
        }
        return new Hash(Parsing.identifierList(m.group(2), "HASH columns"), buckets);
    }

    record Hash(List<String> columns, OptionalInt buckets) implements Distribution {
        public Hash {
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            requireNonNull(buckets, "buckets is null");
            if (columns.isEmpty()) {
                throw new InvalidSpecException("DISTRIBUTED BY HASH needs at least one column");
            }
            Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (String c : columns) {
                if (!seen.add(c)) {
                    throw new InvalidSpecException("DISTRIBUTED BY HASH lists column " + c + " twice");
                }
            }
            Parsing.checkBuckets(buckets);
        }
    }

    /** Random bucketing: DUPLICATE KEY tables only, since 3.1. */
    record Random(OptionalInt buckets) implements Distribution {
        public Random {
            requireNonNull(buckets, "buckets is null");
            Parsing.checkBuckets(buckets);
        }
    }
}
