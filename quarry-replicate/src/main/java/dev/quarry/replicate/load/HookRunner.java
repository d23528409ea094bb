package dev.quarry.replicate.load;

import static java.util.Objects.requireNonNull;

import dev.quarry.core.RunException;
import dev.quarry.core.sql.SqlScript;
import dev.quarry.replicate.config.Hook;
import dev.quarry.starrocks.StarRocksSession;
import java.util.List;

/**
 * Runs Sling hooks on the target (docs/sling.md §1.8): a query hook's statements in order on the StarRocks session, a
 * log hook as a line of the run's log. A failing hook fails its stream (or the run, for {@code start}) unless it says
 * {@code on_failure: warn}, {@code quiet} or {@code skip}.
 */
public final class HookRunner {
    private final StarRocksSession target;
    private final LoadListener listener;

    public HookRunner(StarRocksSession target, LoadListener listener) {
        this.target = requireNonNull(target, "target is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    /** Runs {@code hooks}; {@code what} names them in messages, e.g. {@code stream public.users hooks.pre}. */
    public void run(List<Hook> hooks, String what) {
        for (Hook hook : hooks) {
            if (hook.kind() == Hook.Kind.LOG) {
                listener.info(hook.text());
                continue;
            }
            try {
                for (String statement : SqlScript.split(hook.text(), true)) {
                    target.execute(statement);
                }
            } catch (RunException e) {
                String message = what + " query hook (" + hook.at() + ") failed: " + e.getMessage();
                if (!hook.warnOnly()) {
                    throw new RunException(message, e);
                }
                listener.warning(message);
            }
        }
    }
}
