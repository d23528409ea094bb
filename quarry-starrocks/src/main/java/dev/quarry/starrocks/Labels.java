package dev.quarry.starrocks;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Load labels. StarRocks accepts {@code ^[-\w]{1,128}$} (FeNameFormat, docs/starrocks.md §1.5) and refuses a label
 * already used by a load that was not aborted, which is what makes a retried chunk idempotent (docs/starrocks.md §1.5).
 */
public final class Labels {
    /** The FE's own check; Java's {@code \w} is ASCII-only, like the FE's. */
    private static final Pattern VALID = Pattern.compile("^[-\\w]{1,128}$");

    private static final int MAX = 128;

    private Labels() {}

    /**
     * A deterministic label for chunk {@code chunk} of run {@code runId} into {@code table}: the same inputs always
     * give the same label, different inputs practically never do (characters outside {@code [-A-Za-z0-9_]} become
     * {@code _}; when the result would exceed 128 characters it is shortened and a hash of the inputs keeps it unique).
     */
    public static String derive(String table, String runId, long chunk) {
        requireNonNull(table, "table is null");
        requireNonNull(runId, "runId is null");
        if (chunk < 0) {
            throw new IllegalArgumentException("chunk number must not be negative, got " + chunk);
        }
        if (table.isEmpty() || runId.isEmpty()) {
            throw new IllegalArgumentException(
                    "label parts must not be empty (table '" + table + "', run '" + runId + "')");
        }
        String suffix = "-" + chunk;
        String plain = sanitise(table) + "-" + sanitise(runId) + suffix;
        boolean lossy = !plain.equals(table + "-" + runId + suffix);
        if (plain.length() <= MAX && !lossy) {
            return plain;
        }
        // Sanitising can map different names to one label (a.b and a_b); the hash keeps them apart.
        String hash = hash(table + "\u0000" + runId);
        String head = sanitise(table) + "-" + sanitise(runId);
        int room = MAX - suffix.length() - hash.length() - 1;
        if (head.length() > room) {
            head = head.substring(0, room);
        }
        return head + "-" + hash + suffix;
    }

    /** Returns {@code label} if StarRocks accepts it, else throws a one-line error naming the rule. */
    public static String check(String label) {
        requireNonNull(label, "label is null");
        if (!VALID.matcher(label).matches()) {
            throw new InvalidSpecException(
                    "invalid load label '" + label + "': StarRocks requires 1 to 128 characters of "
                            + "letters, digits, '_' and '-' (regex ^[-\\w]{1,128}$)");
        }
        return label;
    }

    private static String sanitise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }

    private static String hash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
