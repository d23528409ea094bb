package dev.quarry.models.apply;

import dev.quarry.models.project.Kind;

/**
 * How the physical object of one model kind is built for a plan step: created, filled, recorded in the state as it
 * goes, then audited. Implementations are stateless; what one apply shares is in the {@link ApplyContext}.
 */
interface BuildStrategy {

    /** Builds {@code step}'s physical object; the step's database exists already. */
    void build(ApplyContext ctx, ModelStep step);

    /** The strategy for {@code kind}. EMBEDDED and EXTERNAL models have no physical object, so no plan step. */
    static BuildStrategy of(Kind kind) {
        return switch (kind.kind()) {
            case FULL -> FullBuild.INSTANCE;
            case INCREMENTAL_BY_TIME_RANGE -> TimeRangeBuild.INSTANCE;
            case INCREMENTAL_BY_UNIQUE_KEY -> UniqueKeyBuild.INSTANCE;
            case INCREMENTAL_UNMANAGED -> UnmanagedBuild.INSTANCE;
            case VIEW -> ViewBuild.INSTANCE;
            case SEED -> SeedBuild.INSTANCE;
            case EMBEDDED, EXTERNAL ->
                throw new IllegalStateException("no physical object to build for " + kind.kind());
        };
    }
}
