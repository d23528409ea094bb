package dev.quarry.models.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.models.project.Model;
import dev.quarry.models.project.Project;
import dev.quarry.models.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangesTest {

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** Loads the project and compares it with prod in the state. */
    private Changes plan(StateStore state) {
        Project p = Project.load(dir, Map.of());
        return Changes.between(p, Fingerprints.of(p), state.environmentSnapshots("prod"));
    }

    /** Stores the project's snapshots and points prod at them, as an applied plan would. */
    private void apply(StateStore state, String planId) {
        Project p = Project.load(dir, Map.of());
        Map<String, Fingerprint> fps = Fingerprints.of(p);
        Map<String, String> shown = new LinkedHashMap<>();
        for (Model m : p.models().values()) {
            state.putSnapshot(Changes.snapshot(p, m, fps.get(m.name())));
            shown.put(m.name(), fps.get(m.name()).data());
        }
        state.promote("prod", planId, state.environment("prod").map(StateStore.Environment::planId), shown);
    }

    @Test
    void classifiesEveryKindOfChange() throws IOException {
        write("config.yaml", "");
        write("models/a.sql", "MODEL (name s.a, kind FULL, description 'first');\nSELECT 1 AS id");
        write("models/b.sql", "MODEL (name s.b, kind FULL);\nSELECT id FROM s.a");
        write("models/c.sql", "MODEL (name s.c, kind VIEW);\nSELECT 2 AS two");
        try (StateStore state = StateStore.open(dir.resolve(".quarry/state.db"))) {
            Changes first = plan(state);
            assertThat(first.added()).containsExactly("s.a", "s.b", "s.c");
            assertThat(first.diffs().get("s.a"))
                    .isEqualTo("+ MODEL (name s.a, kind FULL, description 'first');\n+ SELECT 1 AS id\n");
            apply(state, "p1");
            assertThat(plan(state).isEmpty()).isTrue();

            write("models/a.sql", "MODEL (name s.a, kind FULL, description 'second');\nSELECT 1 AS id");
            Changes metadata = plan(state);
            assertThat(metadata.metadataOnly()).containsExactly("s.a");
            assertThat(metadata.directlyModified()).isEmpty();
            assertThat(metadata.indirectlyModified()).isEmpty();
            assertThat(metadata.diffs().get("s.a")).isEqualTo("""
                                                              - MODEL (name s.a, kind FULL, description 'first');
                                                              + MODEL (name s.a, kind FULL, description 'second');
                                                                SELECT 1 AS id
                                                              """);

            write("models/a.sql", "MODEL (name s.a, kind FULL, description 'first');\nSELECT 10 AS id");
            Files.delete(dir.resolve("models/c.sql"));
            write("models/d.sql", "MODEL (name s.d, kind FULL);\nSELECT 4 AS four");
            Changes data = plan(state);
            assertThat(data.directlyModified()).containsExactly("s.a");
            assertThat(data.indirectlyModified()).containsExactly("s.b");
            assertThat(data.removed()).containsExactly("s.c");
            assertThat(data.added()).containsExactly("s.d");
            assertThat(data.diffs()).containsOnlyKeys("s.a", "s.c", "s.d");
            assertThat(data.diffs().get("s.a")).contains("- SELECT 1 AS id\n+ SELECT 10 AS id");
            apply(state, "p2");
            assertThat(plan(state).isEmpty()).isTrue();
            assertThat(state.environment("prod").orElseThrow().previousPlanId()).isEqualTo(Optional.of("p1"));
        }
    }

    @Test
    void diffsShowContextAroundChanges() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\nthree\n4\n5\n6\n7\n8\n9\nten\n";
        assertThat(TextDiff.of(before, after)).isEqualTo("  1\n  2\n- 3\n+ three\n  4\n  5\n  ...\n  8\n  9\n+ ten\n");
        assertThat(TextDiff.of("same\n", "same\n")).isEmpty();
    }
}
