package dev.quarry.replicate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationDocsTest {
    @Test
    void everyDeclaredKeyIsDocumentedWithItsDefault() {
        String docs = ReplicationDocs.markdown();
        for (Option[] set : List.of(StreamKey.values(), SourceOption.values(), TargetOption.values())) {
            for (Option o : set) {
                assertThat(docs).contains("`" + o.key() + "`");
            }
        }
        assertThat(docs)
                .contains("| `strict_mode` | true or false | `true` |")
                .contains("| `file_max_rows` | a whole number | `1000000` |")
                .contains("| `timezone` | a string | `UTC` |")
                .contains("- `transforms`: Sling's value transforms are not applied")
                .contains("- `change_capture_options`: change-capture is not supported")
                .doesNotContain("| `datetime_format` |");
    }
}
