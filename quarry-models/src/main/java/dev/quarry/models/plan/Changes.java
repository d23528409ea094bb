package dev.quarry.models.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.models.project.Model;
import dev.quarry.models.project.Project;
import dev.quarry.models.state.StateStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a project differs from what an environment shows: the first step of a plan.
 *
 * @param added models the environment does not have
 * @param removed models the project no longer has
 * @param directlyModified models whose own definition changed what they compute
 * @param indirectlyModified models unchanged themselves that read a changed or added model
 * @param metadataOnly models whose change (description, owner, cron, ...) alters no data
 * @param diffs for every added, removed or modified model, a line diff of its definition
 */
public record Changes(
        List<String> added,
        List<String> removed,
        List<String> directlyModified,
        List<String> indirectlyModified,
        List<String> metadataOnly,
        Map<String, String> diffs) {

    public Changes {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        directlyModified = List.copyOf(directlyModified);
        indirectlyModified = List.copyOf(indirectlyModified);
        metadataOnly = List.copyOf(metadataOnly);
        diffs = Collections.unmodifiableMap(new LinkedHashMap<>(diffs));
    }

    /** Whether the environment already shows the project exactly. */
    public boolean isEmpty() {
        return added.isEmpty()
                && removed.isEmpty()
                && directlyModified.isEmpty()
                && indirectlyModified.isEmpty()
                && metadataOnly.isEmpty();
    }

    /**
     * Compares {@code project} (with its {@code fingerprints}) with the snapshots an environment shows.
     *
     * @param shown model name to the snapshot the environment shows (see {@link StateStore#environmentSnapshots})
     */
    public static Changes between(
            Project project, Map<String, Fingerprint> fingerprints, Map<String, StateStore.Snapshot> shown) {
        requireNonNull(project, "project is null");
        List<String> added = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        List<String> indirect = new ArrayList<>();
        List<String> metadata = new ArrayList<>();
        Map<String, String> diffs = new LinkedHashMap<>();
        for (String name : project.dag().order()) {
            Fingerprint now = fingerprints.get(name);
            StateStore.Snapshot before = shown.get(name);
            if (before == null) {
                added.add(name);
                diffs.put(name, TextDiff.of("", project.sources().getOrDefault(name, "")));
            } else if (!before.fingerprint().equals(now.data())) {
                if (before.ownFingerprint().equals(now.own())) {
                    indirect.add(name);
                } else {
                    direct.add(name);
                    diffs.put(
                            name,
                            TextDiff.of(before.definition(), project.sources().getOrDefault(name, "")));
                }
            } else if (!before.metadataFingerprint().equals(now.metadata())) {
                metadata.add(name);
                diffs.put(
                        name, TextDiff.of(before.definition(), project.sources().getOrDefault(name, "")));
            }
        }
        Set<String> removed = new TreeSet<>(shown.keySet());
        removed.removeAll(project.models().keySet());
        for (String name : removed) {
            diffs.put(name, TextDiff.of(shown.get(name).definition(), ""));
        }
        return new Changes(added, new ArrayList<>(removed), direct, indirect, metadata, diffs);
    }

    /** The snapshot to store for {@code model} as fingerprinted now. */
    public static StateStore.Snapshot snapshot(Project project, Model model, Fingerprint fingerprint) {
        return new StateStore.Snapshot(
                model.name(),
                fingerprint.data(),
                fingerprint.own(),
                fingerprint.metadata(),
                fingerprint.version(),
                model.kind().kind().name(),
                project.sources().getOrDefault(model.name(), ""));
    }
}
