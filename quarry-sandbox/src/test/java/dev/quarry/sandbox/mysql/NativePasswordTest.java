package dev.quarry.sandbox.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.protocol.Security;
import org.junit.jupiter.api.Test;

class NativePasswordTest {

    @Test
    void acceptsWhatConnectorJComputesAndNothingElse() {
        byte[] scramble = NativePassword.newScramble();
        byte[] fromDriver =
                Security.scramble411("s3cret-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8), scramble);
        assertThat(NativePassword.verify("s3cret-pw", scramble, fromDriver)).isTrue();
        assertThat(NativePassword.verify("other", scramble, fromDriver)).isFalse();
        assertThat(NativePassword.verify("s3cret-pw", NativePassword.newScramble(), fromDriver))
                .isFalse();
    }

    @Test
    void emptyPasswordMeansEmptyResponse() {
        byte[] scramble = NativePassword.newScramble();
        assertThat(NativePassword.verify("", scramble, new byte[0])).isTrue();
        assertThat(NativePassword.verify(
                        "",
                        scramble,
                        Security.scramble411("x".getBytes(java.nio.charset.StandardCharsets.UTF_8), scramble)))
                .isFalse();
        assertThat(NativePassword.verify("x", scramble, new byte[0])).isFalse();
    }

    @Test
    void scrambleHasNoNulBytes() {
        for (byte b : NativePassword.newScramble()) {
            assertThat(b).isNotZero();
        }
    }
}
