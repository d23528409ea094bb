package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REFRESH clause of an async materialized view:
 * {@code REFRESH [IMMEDIATE|DEFERRED] [ASYNC [START ('ts')] [EVERY (INTERVAL n unit)] | MANUAL]} (docs/starrocks.md §5.6).
 *
 * @param moment IMMEDIATE or DEFERRED; StarRocks defaults to IMMEDIATE
 * @param scheme ASYNC or MANUAL; when empty after a moment, MANUAL (StarRocks' default) is written, because StarRocks'
 *     grammar needs a scheme after IMMEDIATE or DEFERRED
 * @param start first refresh time for a scheduled ASYNC refresh, as written (e.g. {@code 2024-01-01 00:00:00})
 * @param every refresh period for a scheduled ASYNC refresh
 */
public record RefreshSpec(
        Optional<Moment> moment, Optional<Scheme> scheme, Optional<String> start, Optional<Interval> every) {

    private static final Pattern SCHEME = Pattern.compile("(?i)\\s*(ASYNC|MANUAL)"
            + "(?:\\s+START\\s*\\(\\s*(?:'([^']*)'|\"([^\"]*)\"|([^)\\s]+))\\s*\\))?"
            + "(?:\\s+EVERY\\s*\\(\\s*INTERVAL\\s+(\\d+)\\s+([A-Za-z]+)\\s*\\))?\\s*");

    public RefreshSpec {
        requireNonNull(moment, "moment is null");
        requireNonNull(scheme, "scheme is null");
        requireNonNull(start, "start is null");
        requireNonNull(every, "every is null");
        if (moment.isEmpty() && scheme.isEmpty()) {
            throw new InvalidSpecException("a REFRESH clause needs a refresh moment or a refresh scheme");
        }
        if ((start.isPresent() || every.isPresent()) && scheme.orElse(null) != Scheme.ASYNC) {
            throw new InvalidSpecException("START and EVERY apply only to the ASYNC refresh scheme");
        }
        if (start.isPresent() && every.isEmpty()) {
            throw new InvalidSpecException("ASYNC START (...) needs EVERY (INTERVAL n unit)");
        }
        start.ifPresent(s -> {
            if (s.isBlank() || s.indexOf('\'') >= 0) {
                throw new InvalidSpecException("invalid ASYNC START time '" + s + "'");
            }
        });
    }

    public static RefreshSpec of(Moment moment, Scheme scheme) {
        return new RefreshSpec(
                Optional.ofNullable(moment), Optional.ofNullable(scheme), Optional.empty(), Optional.empty());
    }

    public static RefreshSpec asyncEvery(Moment moment, Optional<String> start, Interval every) {
        return new RefreshSpec(Optional.ofNullable(moment), Optional.of(Scheme.ASYNC), start, Optional.of(every));
    }

    /**
     * Reads SQLMesh's {@code refresh_moment} and {@code refresh_scheme} strings, e.g. {@code DEFERRED} and
     * {@code ASYNC START ("2024-01-01 00:00:00") EVERY (INTERVAL 5 MINUTE)}; either may be null.
     */
    public static RefreshSpec parse(String momentText, String schemeText) {
        Optional<Moment> moment = Optional.empty();
        if (momentText != null && !momentText.isBlank()) {
            try {
                moment = Optional.of(Moment.valueOf(momentText.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidSpecException(
                        "refresh_moment must be IMMEDIATE or DEFERRED, got '" + momentText.trim() + "'");
            }
        }
        if (schemeText == null || schemeText.isBlank()) {
            return new RefreshSpec(moment, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Matcher m = SCHEME.matcher(schemeText);
        if (!m.matches()) {
            throw new InvalidSpecException(
                    "refresh_scheme must be ASYNC, MANUAL or ASYNC [START ('ts')] EVERY (INTERVAL n unit), got '"
                            + schemeText.trim() + "'");
        }
        Scheme scheme = Scheme.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        String start = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        Optional<Interval> every = m.group(5) == null
                ? Optional.empty()
                : Optional.of(new Interval(
                        Parsing.positive(m.group(5), "EVERY interval"), TimeUnit.parse(m.group(6), "refresh_scheme")));
        return new RefreshSpec(moment, Optional.of(scheme), Optional.ofNullable(start), every);
    }

    String sql() {
        StringBuilder sb = new StringBuilder("REFRESH");
        moment.ifPresent(m -> sb.append(' ').append(m.name()));
        // `REFRESH DEFERRED` alone is a syntax error in StarRocks; MANUAL is the scheme it picks when none is given
        // (docs/starrocks.md §5.6, docs/sql.md §7).
        sb.append(' ').append(scheme.orElse(Scheme.MANUAL).name());
        start.ifPresent(s -> sb.append(" START (").append(Sql.literal(s)).append(')'));
        every.ifPresent(e -> sb.append(" EVERY (INTERVAL ")
                .append(e.count())
                .append(' ')
                .append(e.unit().name())
                .append(')'));
        return sb.toString();
    }

    /** When the first refresh happens. */
    public enum Moment {
        IMMEDIATE,
        DEFERRED
    }

    /** How later refreshes are triggered. */
    public enum Scheme {
        ASYNC,
        MANUAL
    }

    /**
     * {@code INTERVAL n unit} of an ASYNC schedule; StarRocks accepts DAY, HOUR, MINUTE and SECOND here.
     *
     * @param count positive count
     * @param unit unit
     */
    public record Interval(int count, TimeUnit unit) {
        public Interval {
            requireNonNull(unit, "unit is null");
            if (count < 1) {
                throw new InvalidSpecException("refresh interval must be positive, got " + count);
            }
            if (unit != TimeUnit.DAY && unit != TimeUnit.HOUR && unit != TimeUnit.MINUTE && unit != TimeUnit.SECOND) {
                throw new InvalidSpecException(
                        "refresh interval unit must be DAY, HOUR, MINUTE or SECOND, got " + unit);
            }
        }
    }
}
