package dev.quarry.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void beStyleIsRapidJsonPrettyWriterWithFourSpaces() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TxnId", 1003L);
        m.put("Label", "label123");
        m.put("Status", "Success");
        m.put("Message", "OK");
        assertThat(JsonText.be(m))
                .isEqualTo("{\n    \"TxnId\": 1003,\n    \"Label\": \"label123\",\n"
                        + "    \"Status\": \"Success\",\n    \"Message\": \"OK\"\n}");
    }

    @Test
    void feStyleIsGsonPrettyPrintingWithHtmlSafeEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("msg", "Access denied for user 'x' <a=b> & \"q\"\n");
        assertThat(JsonText.fe(m))
                .isEqualTo(
                        "{\n  \"msg\": \"Access denied for user \\u0027x\\u0027 \\u003ca\\u003db\\u003e \\u0026 \\\"q\\\"\\n\"\n}");
    }
}
