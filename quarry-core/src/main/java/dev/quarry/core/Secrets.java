package dev.quarry.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that keeps passwords out of output. Every secret Quarry reads is registered here, and
 * {@link #scrub} removes registered secrets plus anything shaped like a credential (the password part
 * of {@code scheme://user:password@host}, {@code password=...}) from a message. Log lines and
 * {@link QuarryException} messages pass through it, which covers JDBC drivers that echo URLs.
 */
public final class Secrets {
    public static final String MASK = "****";

    /**
     * Registered values shorter than this are only removed where they appear in a credential shape:
     * replacing every "ab" in a message would garble it without protecting anything worth protecting.
     */
    private static final int MIN_LITERAL_LENGTH = 3;

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    // Greedy \S* so that an unencoded '@' inside the password still ends at the last '@' of the URL.
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s]*:)\\S*@");
    private static final Pattern KEY_VALUE_PASSWORD = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token)[\"']?\\s*[=:]\\s*)(?!password\\s*\\()(\"[^\"]*\"|'[^']*'|[^\\s,;&)}\\]]+)");

    // SQL that sets a password: MySQL/StarRocks "IDENTIFIED BY 'x'" and "SET PASSWORD = PASSWORD('x')",
    // PostgreSQL "PASSWORD 'x'".
    private static final Pattern SQL_PASSWORD =
            Pattern.compile("(?i)((?:identified\\s+by|password)\\s*\\(?\\s*)'(?:[^']|'')*'");

    private Secrets() {}

    /** Remembers a secret so that it never appears in scrubbed text, raw or URL-encoded. */
    public static void register(String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        KNOWN.add(secret);
        KNOWN.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        KNOWN.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** Whether a configuration key names a secret value (password, token, private key, ...). */
    public static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password")
                || k.contains("secret")
                || k.contains("token")
                || k.contains("private_key")
                || k.contains("passphrase");
    }

    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = URL_PASSWORD.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        out = SQL_PASSWORD.matcher(out).replaceAll("$1'" + Matcher.quoteReplacement(MASK) + "'");
        out = KEY_VALUE_PASSWORD.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        // Longest first, so a secret that contains a shorter one is removed whole.
        List<String> secrets = KNOWN.stream()
                .filter(s -> s.length() >= MIN_LITERAL_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
