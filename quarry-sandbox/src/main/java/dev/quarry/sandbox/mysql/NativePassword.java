package dev.quarry.sandbox.mysql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** mysql_native_password: the client proves it knows the password with SHA1(pw) XOR SHA1(scramble + SHA1(SHA1(pw))). */
final class NativePassword {
    static final String PLUGIN = "mysql_native_password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private NativePassword() {}

    /** 20 random printable bytes; the protocol forbids NUL in the scramble. */
    static byte[] newScramble() {
        byte[] s = new byte[20];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) (33 + RANDOM.nextInt(94));
        }
        return s;
    }

    /** The response a client that knows {@code password} sends for {@code scramble} (empty for an empty password). */
    static byte[] response(String password, byte[] scramble) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        byte[] stage1 = sha1(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha1(stage1);
        MessageDigest md = digest();
        md.update(scramble);
        md.update(stage2);
        byte[] mask = md.digest();
        byte[] out = new byte[stage1.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (stage1[i] ^ mask[i]);
        }
        return out;
    }

    static boolean verify(String password, byte[] scramble, byte[] clientResponse) {
        return MessageDigest.isEqual(response(password, scramble), clientResponse);
    }

    private static byte[] sha1(byte[] in) {
        return digest().digest(in);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
