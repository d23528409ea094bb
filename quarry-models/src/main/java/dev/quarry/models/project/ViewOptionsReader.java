package dev.quarry.models.project;

import dev.quarry.core.Location;
import dev.quarry.core.Names;
import dev.quarry.models.project.PhysicalLayout.Refresh;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the options only views take: a materialized view's REFRESH clause and a view's SECURITY. */
final class ViewOptionsReader {

    private static final Pattern REFRESH_SCHEME =
            Pattern.compile("(?is)\\s*(?:MANUAL|ASYNC(?:\\s+START\\s*\\(\\s*(?:'[^']*'|\"[^\"]*\"|[^)\\s]+)\\s*\\))?"
                    + "(?:\\s+EVERY\\s*\\(\\s*INTERVAL\\s+[1-9][0-9]*\\s+(?:DAY|HOUR|MINUTE|SECOND)\\s*\\))?)\\s*");

    private final String model;
    private final Kind kind;

    ViewOptionsReader(String model, Kind kind) {
        this.model = model;
        this.kind = kind;
    }

    private ModelException error(Location at, String message) {
        return LayoutReader.error(model, at, message);
    }

    /**
     * Returns the REFRESH clause of a materialized view; empty for every other kind.
     *
     * @param physical physical properties, name to property
     * @param hasAudits whether the model has audits (materialized views then need DEFERRED refresh)
     * @param modelLocation where the MODEL block is
     */
    Optional<Refresh> refresh(Map<String, Block.Property> physical, boolean hasAudits, Location modelLocation) {
        Block.Property moment = physical.get("refresh_moment");
        Block.Property scheme = physical.get("refresh_scheme");
        if (!kind.isMaterializedView()) {
            Block.Property misplaced = moment != null ? moment : scheme;
            if (misplaced != null) {
                throw error(
                        misplaced.location(),
                        misplaced.name() + " applies only to materialized views (kind VIEW (materialized true))");
            }
            return Optional.empty();
        }
        Optional<String> m = Optional.empty();
        if (moment != null) {
            String text =
                    moment.value().text().orElse("").toUpperCase(Locale.ROOT).strip();
            if (!text.equals("IMMEDIATE") && !text.equals("DEFERRED")) {
                throw error(
                        moment.location(),
                        "refresh_moment must be IMMEDIATE or DEFERRED, not "
                                + moment.value().sql());
            }
            m = Optional.of(text);
        }
        Optional<String> s = Optional.empty();
        if (scheme != null) {
            String text = scheme.value().text().orElse(scheme.value().sql()).strip();
            if (!REFRESH_SCHEME.matcher(text).matches()) {
                throw error(
                        scheme.location(),
                        "refresh_scheme must be ASYNC, MANUAL or 'ASYNC [START (\"ts\")] EVERY (INTERVAL n "
                                + "DAY|HOUR|MINUTE|SECOND)', not "
                                + scheme.value().sql());
            }
            s = Optional.of(text);
        }
        if (m.isEmpty() && s.isEmpty()) {
            throw error(
                    modelLocation,
                    "a StarRocks materialized view needs a REFRESH clause: set physical_properties "
                            + "refresh_moment and/or refresh_scheme (e.g. refresh_scheme = ASYNC)");
        }
        if (hasAudits && !m.orElse("IMMEDIATE").equals("DEFERRED")) {
            throw error(
                    moment != null ? moment.location() : modelLocation,
                    "a materialized view with audits needs refresh_moment "
                            + "= DEFERRED, so StarRocks' immediate refresh does not race the synchronous refresh the audits wait for");
        }
        return Optional.of(new Refresh(m, s));
    }

    /** Returns the view's SECURITY from its virtual properties, the only one StarRocks views take. */
    Optional<String> security(Map<String, Block.Property> virtual) {
        Optional<String> security = Optional.empty();
        for (Block.Property p : virtual.values()) {
            if (!p.name().equals("security")) {
                throw error(
                        p.location(),
                        "unknown virtual property " + p.name() + Names.didYouMean(p.name(), List.of("security"))
                                + "; StarRocks views take only security");
            }
            String text = p.value().text().orElse("").toUpperCase(Locale.ROOT);
            if (!Set.of("NONE", "INVOKER", "DEFINER").contains(text)) {
                throw error(
                        p.value().location(),
                        "security must be NONE, INVOKER or DEFINER, not "
                                + p.value().sql());
            }
            security = Optional.of(text);
        }
        return security;
    }
}
