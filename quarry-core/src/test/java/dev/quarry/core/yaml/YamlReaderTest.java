package dev.quarry.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    /** Records every problem as "where: what", the way a caller would print it. */
    private static final class Recorded implements YamlReader.Problems {
        final List<String> lines = new ArrayList<>();

        @Override
        public void duplicateKey(String key, Location at, Location first) {
            lines.add(at + ": " + key + " again, first at " + first);
        }

        @Override
        public void notYaml(Location at, String parserMessage) {
            lines.add(at + ": not YAML: " + parserMessage);
        }

        @Override
        public void unreadable(IOException e) {
            lines.add("unreadable");
        }
    }

    @Test
    void keysAndValuesKnowTheirLineAndColumn() {
        Recorded problems = new Recorded();
        YamlNode root =
                YamlReader.read("r.yaml", "source: pg\nstreams:\n  public.a:\n    mode: full-refresh\n", problems);

        YamlNode.Mapping top = (YamlNode.Mapping) root;
        assertThat(top.entries()).extracting(YamlNode.Entry::key).containsExactly("source", "streams");
        assertThat(top.entries().get(0).value().location()).hasToString("r.yaml:1:9");
        YamlNode.Entry stream =
                ((YamlNode.Mapping) top.entries().get(1).value()).entries().get(0);
        assertThat(stream.keyLocation()).hasToString("r.yaml:3:3");
        YamlNode.Entry mode = ((YamlNode.Mapping) stream.value()).entries().get(0);
        assertThat(mode.keyLocation()).hasToString("r.yaml:4:5");
        assertThat(((YamlNode.Scalar) mode.value()).text()).isEqualTo("full-refresh");
        assertThat(problems.lines).isEmpty();
    }

    @Test
    void scalarsKeepTheirTextAndYamlType() {
        YamlNode.Sequence items = (YamlNode.Sequence)
                YamlReader.read("x.yaml", "- abc\n- 42\n- 99999999999999999999\n- 1.5\n- true\n- ~\n", new Recorded());

        List<YamlNode.Scalar> s =
                items.items().stream().map(YamlNode.Scalar.class::cast).toList();
        assertThat(s)
                .extracting(YamlNode.Scalar::kind)
                .containsExactly(
                        YamlNode.Scalar.Kind.STRING,
                        YamlNode.Scalar.Kind.NUMBER,
                        YamlNode.Scalar.Kind.NUMBER,
                        YamlNode.Scalar.Kind.NUMBER,
                        YamlNode.Scalar.Kind.BOOLEAN,
                        YamlNode.Scalar.Kind.NULL);
        assertThat(s)
                .extracting(YamlNode.Scalar::value)
                .containsExactly("abc", 42L, "99999999999999999999", 1.5, true, null);
        assertThat(s.get(5).isNull()).isTrue();
        assertThat(s.get(5).describe()).isEqualTo("null");
        assertThat(s.get(0).describe()).isEqualTo("'abc'");
    }

    @Test
    void aRepeatedKeyIsReportedWithBothPlacesAndTheFirstEntryStays() {
        Recorded problems = new Recorded();
        YamlNode.Mapping root = (YamlNode.Mapping) YamlReader.read("r.yaml", "a: 1\nb: 2\na: 3\n", problems);

        assertThat(problems.lines).containsExactly("r.yaml:3:1: a again, first at r.yaml:1:1");
        assertThat(root.entries())
                .extracting(e -> ((YamlNode.Scalar) e.value()).text())
                .containsExactly("1", "2");
    }

    @Test
    void anEmptyDocumentIsAnEmptyMappingAtTheStart() {
        YamlNode root = YamlReader.read("e.yaml", "# only a comment\n", new Recorded());

        assertThat(root).isInstanceOf(YamlNode.Mapping.class);
        assertThat(((YamlNode.Mapping) root).entries()).isEmpty();
        assertThat(root.location()).hasToString("e.yaml:1:1");
    }

    @Test
    void textThatIsNotYamlIsReportedWhereTheParserStopped() {
        Recorded problems = new Recorded();

        assertThat(YamlReader.read("bad.yaml", "a: [1, 2\nb: 3\n", problems)).isNull();
        assertThat(problems.lines).hasSize(1);
        assertThat(problems.lines.get(0))
                .matches("bad\\.yaml:\\d+:\\d+: not YAML: .+")
                .doesNotContain("\n");
    }

    @Test
    void aLocationWithoutLineIsTheWholeFile() {
        assertThat(new Location("r.yaml", 0, 0)).hasToString("r.yaml");
        assertThat(new Location("r.yaml", 2, 7)).hasToString("r.yaml:2:7");
    }

    @Test
    void aTabInTheIndentationIsReportedOnItsOwnLineAndColumn() {
        Recorded problems = new Recorded();

        assertThat(YamlReader.read("r.yaml", "source: PG\ntarget: SR\nstreams:\n\tshop.users:\n", problems))
                .isNull();
        assertThat(problems.lines)
                .containsExactly(
                        "r.yaml:4:1: not YAML: a TAB character in the indentation: YAML indents with spaces only");

        Recorded env = new Recorded();
        YamlReader.read("env.yaml", "connections:\n  PG:\n  \ttype: postgres\n", env);
        assertThat(env.lines).singleElement().asString().startsWith("env.yaml:3:3: not YAML: a TAB character");
    }
}
