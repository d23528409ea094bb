package dev.quarry.models.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.models.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @BeforeEach
    void project() throws IOException {
        write("config.yaml", "variables:\n  rate: 2\n  unused: 1\n");
        write(
                "models/a.sql",
                "MODEL (name s.a, kind FULL, description 'first', owner ann);\nSELECT id, v * @rate AS v FROM raw.t");
        write("models/b.sql", "MODEL (name s.b, kind FULL);\nSELECT id FROM s.a");
        write("models/c.sql", "MODEL (name s.c, kind FULL);\nSELECT 1 AS one");
        write("models/seed.sql", "MODEL (name s.seed, kind SEED (path '../seeds/x.csv'));");
        write("seeds/x.csv", "id\n1\n");
    }

    private Map<String, Fingerprint> fingerprints() {
        return Fingerprints.of(Project.load(dir, Map.of()));
    }

    @Test
    void stableAcrossLoadsAndFormatting() throws IOException {
        Map<String, Fingerprint> before = fingerprints();
        assertThat(fingerprints()).isEqualTo(before);
        assertThat(before.get("s.a").version())
                .hasSize(10)
                .isEqualTo(before.get("s.a").data().substring(0, 10));
        write(
                "models/a.sql",
                "-- reformatted\nMODEL (name s.a,\n  kind FULL, description 'first', owner ann);\n"
                        + "SELECT id,\n       v * @rate AS v /* same query */\nFROM raw.t;");
        assertThat(fingerprints()).isEqualTo(before);
    }

    @Test
    void metadataChangesLeaveTheDataFingerprintAlone() throws IOException {
        Map<String, Fingerprint> before = fingerprints();
        write(
                "models/a.sql",
                "MODEL (name s.a, kind FULL, description 'second', owner bob, cron '@hourly', tags [x]);\n"
                        + "SELECT id, v * @rate AS v FROM raw.t");
        Map<String, Fingerprint> after = fingerprints();
        assertThat(after.get("s.a").data()).isEqualTo(before.get("s.a").data());
        assertThat(after.get("s.a").metadata()).isNotEqualTo(before.get("s.a").metadata());
        assertThat(after.get("s.b")).isEqualTo(before.get("s.b"));
    }

    @Test
    void queryChangesReachDownstreamOnly() throws IOException {
        Map<String, Fingerprint> before = fingerprints();
        write(
                "models/a.sql",
                "MODEL (name s.a, kind FULL, description 'first', owner ann);\nSELECT id, v * @rate + 1 AS v FROM raw.t");
        Map<String, Fingerprint> after = fingerprints();
        assertThat(after.get("s.a").data()).isNotEqualTo(before.get("s.a").data());
        assertThat(after.get("s.b").data()).isNotEqualTo(before.get("s.b").data());
        assertThat(after.get("s.c")).isEqualTo(before.get("s.c"));
    }

    @Test
    void propertiesVariablesAndSeedContentsAreData() throws IOException {
        Map<String, Fingerprint> before = fingerprints();
        write(
                "models/c.sql",
                "MODEL (name s.c, kind FULL, physical_properties (distributed_by = RANDOM));\nSELECT 1 AS one");
        assertThat(fingerprints().get("s.c").data())
                .isNotEqualTo(before.get("s.c").data());

        write("config.yaml", "variables:\n  rate: 2\n  unused: 99\n");
        assertThat(fingerprints().get("s.a")).isEqualTo(before.get("s.a"));
        write("config.yaml", "variables:\n  rate: 3\n  unused: 1\n");
        Map<String, Fingerprint> rate = fingerprints();
        assertThat(rate.get("s.a").data()).isNotEqualTo(before.get("s.a").data());
        assertThat(rate.get("s.b").data()).isNotEqualTo(before.get("s.b").data());

        write("seeds/x.csv", "id\n2\n");
        assertThat(fingerprints().get("s.seed").data())
                .isNotEqualTo(before.get("s.seed").data());
    }

    @Test
    void normalisationKeepsStringsAndQuotedNamesExact() {
        assertThat(Fingerprints.normalize("SELECT  'a  b' ,\n\"X\"  -- c\n FROM t"))
                .isEqualTo("SELECT 'a  b' , \"X\" FROM t");
        assertThat(Fingerprints.normalize("SELECT 'a b'")).isNotEqualTo(Fingerprints.normalize("SELECT 'a  b'"));
    }
}
