package dev.quarry.models.apply;

import dev.quarry.core.ConfigException;
import dev.quarry.core.QuarryException;
import dev.quarry.core.RunException;
import dev.quarry.models.plan.Plan;
import dev.quarry.models.project.Dag;
import dev.quarry.starrocks.InvalidSpecException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a plan's steps in DAG order on up to {@code concurrency} threads: a step starts when every step it reads
 * (directly or further upstream) has finished. After a failure the steps downstream of it do not run; the others
 * finish, and the first failure is reported with the count of the rest.
 */
final class StepScheduler {
    /** Builds one step; runs on a scheduler thread. */
    interface StepWork {
        void run(Plan.Step step);
    }

    private final Dag dag;
    private final int concurrency;
    private final Consumer<String> progress;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakParallel = new AtomicInteger();

    StepScheduler(Dag dag, int concurrency, Consumer<String> progress) {
        this.dag = dag;
        this.concurrency = Math.max(1, concurrency);
        this.progress = progress;
    }

    /** The most steps that were running at the same time. */
    int peakParallel() {
        return peakParallel.get();
    }

    /** Runs every step of {@code plan} with {@code work}; returns the built models in completion order. */
    List<String> run(Plan plan, StepWork work) {
        List<String> built = Collections.synchronizedList(new ArrayList<>());
        if (plan.steps().isEmpty()) {
            return built;
        }
        Set<String> stepNames = new LinkedHashSet<>();
        plan.steps().forEach(s -> stepNames.add(s.model()));
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.min(concurrency, plan.steps().size()), r -> {
                    Thread t = new Thread(r, "quarry-model");
                    t.setDaemon(true);
                    return t;
                });
        Map<String, CompletableFuture<Void>> futures = new LinkedHashMap<>();
        try {
            for (Plan.Step step : plan.steps()) {
                List<CompletableFuture<Void>> deps = new ArrayList<>();
                for (String up : ancestors(step.model())) {
                    if (stepNames.contains(up)) {
                        deps.add(futures.get(up));
                    }
                }
                CompletableFuture<Void> f = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new))
                        .thenRunAsync(
                                () -> {
                                    long t0 = System.nanoTime();
                                    peakParallel.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                                    try {
                                        work.run(step);
                                    } finally {
                                        inFlight.decrementAndGet();
                                    }
                                    built.add(step.model());
                                    progress.accept("built " + step.model() + describe(step) + " in "
                                            + (System.nanoTime() - t0) / 1_000_000 + " ms");
                                },
                                pool);
                futures.put(step.model(), f);
            }
            rethrowFirstFailure(futures);
        } finally {
            pool.shutdownNow();
        }
        return built;
    }

    private static void rethrowFirstFailure(Map<String, CompletableFuture<Void>> futures) {
        List<String> failures = new ArrayList<>();
        RuntimeException first = null;
        for (Map.Entry<String, CompletableFuture<Void>> e : futures.entrySet()) {
            try {
                e.getValue().join();
            } catch (CompletionException ex) {
                Throwable cause = ex.getCause() == null ? ex : ex.getCause();
                if (cause instanceof CompletionException nested && nested.getCause() != null) {
                    cause = nested.getCause();
                }
                boolean skipped = first != null && cause == first;
                if (!skipped) {
                    failures.add(e.getKey() + ": " + cause.getMessage());
                    if (first == null) {
                        first = cause instanceof RuntimeException r
                                ? r
                                : new RunException(String.valueOf(cause.getMessage()), cause);
                    }
                }
            }
        }
        if (first != null) {
            String others = failures.size() > 1 ? " (and " + (failures.size() - 1) + " more failures)" : "";
            if (first instanceof InvalidSpecException) {
                // quarry-starrocks does not know which model it was checking: name it, as for a failed run.
                throw new ConfigException("model " + failures.get(0) + others, first);
            }
            if (first instanceof QuarryException) {
                throw first instanceof ConfigException c
                        ? c
                        : new RunException("model " + failures.get(0) + others, first);
            }
            throw new RunException("model " + failures.get(0) + others, first);
        }
    }

    private Set<String> ancestors(String model) {
        Set<String> out = new LinkedHashSet<>();
        List<String> stack = new ArrayList<>(dag.upstream(model));
        while (!stack.isEmpty()) {
            String m = stack.remove(stack.size() - 1);
            if (out.add(m)) {
                stack.addAll(dag.upstream(m));
            }
        }
        return out;
    }

    private static String describe(Plan.Step step) {
        return step.intervals().isEmpty() || !step.byInterval()
                ? ""
                : " (" + step.intervals().size() + (step.intervals().size() == 1 ? " interval)" : " intervals)");
    }
}
