package dev.quarry.models.project;

import dev.quarry.core.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which model reads which: edges from the tables each query reads and from {@code depends_on}. A query that
 * reads its own table (an incremental model looking at earlier rows) is not a cycle. References to tables that
 * are not models are kept as external sources.
 */
public final class Dag {
    private final Map<String, Model> models;
    private final Map<String, Set<String>> upstream;
    private final Map<String, Set<String>> downstream;
    private final Map<String, Set<String>> sources;
    private final List<String> order;

    private Dag(Map<String, Model> models, Map<String, Set<String>> upstream, Map<String, Set<String>> sources) {
        this.models = models;
        this.upstream = upstream;
        this.sources = sources;
        Map<String, Set<String>> down = new TreeMap<>();
        models.keySet().forEach(m -> down.put(m, new TreeSet<>()));
        upstream.forEach((m, ups) -> ups.forEach(u -> down.get(u).add(m)));
        this.downstream = down;
        this.order = topologicalOrder();
    }

    /** Builds the DAG of {@code models}; a dependency cycle is a {@link ModelException} naming the cycle. */
    static Dag of(Collection<Model> all) {
        Map<String, Model> models = new TreeMap<>();
        all.forEach(m -> models.put(m.name(), m));
        Map<String, Set<String>> upstream = new TreeMap<>();
        Map<String, Set<String>> sources = new TreeMap<>();
        for (Model m : models.values()) {
            Set<String> ups = new TreeSet<>();
            Set<String> external = new TreeSet<>();
            List<String> refs = m.query().map(q -> References.of(q.sql())).orElse(List.of());
            for (String ref : References.merge(refs, m.dependsOn())) {
                String resolved = resolve(ref, models);
                if (resolved == null) {
                    checkNotAMisspelledModel(m, ref, models);
                    external.add(ref);
                } else if (!resolved.equals(m.name())) {
                    ups.add(resolved);
                }
            }
            upstream.put(m.name(), ups);
            sources.put(m.name(), external);
        }
        return new Dag(models, upstream, sources);
    }

    /**
     * A reference to a table in a schema the project's models live in, within two edits of a model's name, is taken
     * for a misspelled model: StarRocks would only answer at apply time, and with "Unknown table". A table of that
     * schema outside the project is declared in external_models.yaml.
     */
    private static void checkNotAMisspelledModel(Model m, String ref, Map<String, Model> models) {
        int dot = ref.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String schema = ref.substring(0, dot).toLowerCase(java.util.Locale.ROOT);
        List<String> close = models.keySet().stream()
                .filter(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith(schema + "."))
                .filter(name ->
                        Names.distance(name.toLowerCase(java.util.Locale.ROOT), ref.toLowerCase(java.util.Locale.ROOT))
                                <= 2)
                .toList();
        if (!close.isEmpty()) {
            throw new ModelException(
                    m.location(),
                    "model " + m.name() + " reads unknown table or model " + ref + " (did you mean "
                            + String.join(" or ", close) + "? a table outside the project is declared in"
                            + " external_models.yaml)");
        }
    }

    /** A reference names a model exactly, or through a catalog prefix ({@code cat.db.t} for model {@code db.t}). */
    private static String resolve(String ref, Map<String, Model> models) {
        if (models.containsKey(ref)) {
            return ref;
        }
        int dot = ref.indexOf('.');
        if (dot > 0 && ref.indexOf('.', dot + 1) > 0 && models.containsKey(ref.substring(dot + 1))) {
            return ref.substring(dot + 1);
        }
        return null;
    }

    private List<String> topologicalOrder() {
        Map<String, Integer> pending = new HashMap<>();
        upstream.forEach((m, ups) -> pending.put(m, ups.size()));
        PriorityQueue<String> ready = new PriorityQueue<>();
        pending.forEach((m, n) -> {
            if (n == 0) {
                ready.add(m);
            }
        });
        List<String> out = new ArrayList<>(models.size());
        while (!ready.isEmpty()) {
            String m = ready.poll();
            out.add(m);
            for (String d : downstream.get(m)) {
                if (pending.merge(d, -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        if (out.size() < models.size()) {
            List<String> cycle = findCycle();
            Model first = models.get(cycle.get(0));
            throw new ModelException(first.location(), "dependency cycle: " + String.join(" -> ", cycle));
        }
        return Collections.unmodifiableList(out);
    }

    /** A cycle as a path that starts and ends at the same model, smallest name first. */
    private List<String> findCycle() {
        Map<String, Integer> state = new HashMap<>();
        for (String start : models.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = dfs(start, state, path);
            if (cycle != null) {
                return cycle;
            }
        }
        throw new IllegalStateException("no cycle found although the topological sort stopped");
    }

    private List<String> dfs(String node, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return null;
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            int min = cycle.indexOf(Collections.min(cycle));
            Collections.rotate(cycle, -min);
            cycle.add(cycle.get(0));
            return cycle;
        }
        state.put(node, 1);
        path.add(node);
        for (String d : downstream.get(node)) {
            List<String> c = dfs(d, state, path);
            if (c != null) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return null;
    }

    /** Every model, upstream before downstream; independent models by name. */
    public List<String> order() {
        return order;
    }

    /** The models {@code model} reads directly. */
    public Set<String> upstream(String model) {
        return Collections.unmodifiableSet(upstream.getOrDefault(model, Set.of()));
    }

    /** The models that read {@code model} directly. */
    public Set<String> downstream(String model) {
        return Collections.unmodifiableSet(downstream.getOrDefault(model, Set.of()));
    }

    /** Tables {@code model} reads that are not models of the project. */
    public Set<String> sources(String model) {
        return Collections.unmodifiableSet(sources.getOrDefault(model, Set.of()));
    }

    /** {@code model} and everything downstream of it, in DAG order. */
    public List<String> withDownstream(String model) {
        Set<String> seen = new TreeSet<>();
        List<String> stack = new ArrayList<>(List.of(model));
        while (!stack.isEmpty()) {
            String m = stack.remove(stack.size() - 1);
            if (seen.add(m)) {
                stack.addAll(downstream(m));
            }
        }
        return order.stream().filter(seen::contains).toList();
    }

    /** One line per model in DAG order: {@code name <- upstream, ...}. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String m : order) {
            sb.append(m);
            Set<String> ups = upstream.get(m);
            if (!ups.isEmpty()) {
                sb.append(" <- ").append(String.join(", ", ups));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Graphviz DOT, edges pointing downstream. */
    public String dot() {
        StringBuilder sb = new StringBuilder("digraph quarry {\n  rankdir=LR;\n");
        for (String m : order) {
            sb.append("  ").append(dotId(m)).append(";\n");
        }
        for (String m : order) {
            for (String d : downstream.get(m)) {
                sb.append("  ").append(dotId(m)).append(" -> ").append(dotId(d)).append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }

    private static String dotId(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A Mermaid flowchart, edges pointing downstream. */
    public String mermaid() {
        Map<String, String> ids = new HashMap<>();
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        for (String m : order) {
            String id = "m" + ids.size();
            ids.put(m, id);
            sb.append("  ")
                    .append(id)
                    .append("[\"")
                    .append(m.replace("\"", "#quot;"))
                    .append("\"]\n");
        }
        for (String m : order) {
            for (String d : downstream.get(m)) {
                sb.append("  ")
                        .append(ids.get(m))
                        .append(" --> ")
                        .append(ids.get(d))
                        .append('\n');
            }
        }
        return sb.toString();
    }
}
