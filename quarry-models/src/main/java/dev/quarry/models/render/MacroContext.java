package dev.quarry.models.render;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a model is rendered for.
 *
 * @param start first instant of the interval (inclusive)
 * @param end end of the interval (exclusive); the macros show it inclusively, as end minus 1 µs
 * @param executionTime when the run happens ({@code @execution_*})
 * @param thisModel the table {@code @this_model} stands for
 * @param variables user variables (config, gateway) for {@code @VAR('x')} and {@code @x}
 * @param gateway the gateway name for {@code @gateway}
 * @param functions macros defined outside Quarry (Python {@code @macro} functions)
 */
public record MacroContext(
        Instant start,
        Instant end,
        Instant executionTime,
        String thisModel,
        Map<String, Object> variables,
        String gateway,
        Functions functions) {

    /** Macros called as {@code @NAME(args)} that Quarry does not define itself. */
    public interface Functions {
        /** No such macros. */
        Functions NONE = (name, args) -> Optional.empty();

        /** The SQL {@code @name(args)} expands to; empty when no such macro exists. */
        Optional<String> call(String name, List<String> args);
    }

    /** A context without user-defined macro functions. */
    public MacroContext(
            Instant start,
            Instant end,
            Instant executionTime,
            String thisModel,
            Map<String, Object> variables,
            String gateway) {
        this(start, end, executionTime, thisModel, variables, gateway, Functions.NONE);
    }

    public MacroContext {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(executionTime, "executionTime is null");
        requireNonNull(thisModel, "thisModel is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(functions, "functions is null");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the interval end " + end + " must be after its start " + start);
        }
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
}
