package dev.quarry.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** HTTP Basic credentials against the sandbox's one account. */
final class BasicAuth {
    private final String user;
    private final String password;

    BasicAuth(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** The outcome of checking one Authorization header. */
    record Result(boolean ok, boolean present, String user) {}

    Result check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new Result(false, false, null);
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Result(false, false, null);
        }
        int colon = decoded.indexOf(':');
        String u = colon < 0 ? decoded : decoded.substring(0, colon);
        String p = colon < 0 ? "" : decoded.substring(colon + 1);
        boolean ok = u.equals(user)
                && MessageDigest.isEqual(p.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        return new Result(ok, true, u);
    }

    static String deniedMessage(String user, String host) {
        return "Access denied for user '" + user + "'@'" + host + "' (using password: YES)";
    }
}
