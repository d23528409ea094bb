package dev.quarry.core.conn;

import dev.quarry.core.ConfigException;
import dev.quarry.core.Secrets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a connection URL ({@code postgresql://user:pass@host:5432/db?sslmode=disable},
 * {@code starrocks://root:@host:9030/db}, {@code duckdb:///path/file.db}) into connection keys.
 * Hand-written rather than {@link java.net.URI}: users paste passwords with unencoded {@code @}, {@code /}
 * or {@code ?}, which URI rejects, and errors here must never repeat the password.
 */
final class ConnectionUrl {
    private ConnectionUrl() {}

    /** Whether {@code value} looks like a URL of a type Quarry knows (what qualifies an env var). */
    static boolean looksLikeConnectionUrl(String value) {
        int sep = value.indexOf("://");
        return sep > 0 && ConnectionType.isKnownScheme(value.substring(0, sep).strip()) && value.indexOf('\n') < 0;
    }

    static Map<String, String> parse(String url, String where) {
        String text = url.strip();
        int sep = text.indexOf("://");
        if (sep <= 0) {
            throw malformed(where, text, "expected scheme://...");
        }
        String scheme = text.substring(0, sep).toLowerCase(Locale.ROOT);
        ConnectionType type = ConnectionType.parse(scheme, where);
        String rest = text.substring(sep + 3);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("type", type.id());

        if (type == ConnectionType.DUCKDB) {
            String path = rest;
            int q = path.indexOf('?');
            if (q >= 0) {
                addQuery(path.substring(q + 1), keys, where, text);
                path = path.substring(0, q);
            }
            if (path.isEmpty()) {
                throw malformed(where, text, "no database file after duckdb://");
            }
            keys.put("database", decode(path, where, text, "file path"));
            return keys;
        }

        int at = rest.lastIndexOf('@');
        String userInfo = at >= 0 ? rest.substring(0, at) : null;
        String hostAndPath = at >= 0 ? rest.substring(at + 1) : rest;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
            keys.put("user", decode(user, where, text, "user"));
            if (colon >= 0) {
                String password = decode(userInfo.substring(colon + 1), where, text, "password");
                Secrets.register(password);
                keys.put("password", password);
            }
        }

        int query = hostAndPath.indexOf('?');
        if (query >= 0) {
            addQuery(hostAndPath.substring(query + 1), keys, where, text);
            hostAndPath = hostAndPath.substring(0, query);
        }
        int slash = hostAndPath.indexOf('/');
        String authority = slash >= 0 ? hostAndPath.substring(0, slash) : hostAndPath;
        if (slash >= 0) {
            String database = decode(hostAndPath.substring(slash + 1), where, text, "database");
            if (database.endsWith("/")) {
                database = database.substring(0, database.length() - 1);
            }
            if (!database.isEmpty()) {
                keys.put("database", database);
            }
        }

        String host;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw malformed(where, text, "unclosed [ in IPv6 host");
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                port = after.substring(1);
            } else if (!after.isEmpty()) {
                throw malformed(where, text, "unexpected text after IPv6 host");
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            port = colon >= 0 ? authority.substring(colon + 1) : null;
        }
        if (host.isEmpty()) {
            throw malformed(where, text, "no host");
        }
        keys.put("host", host);
        if (port != null && !port.isEmpty()) {
            if (!port.chars().allMatch(Character::isDigit)) {
                throw malformed(where, text, "port \"" + port + "\" is not a number");
            }
            keys.put("port", port);
        }
        return keys;
    }

    private static void addQuery(String query, Map<String, String> keys, String where, String url) {
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair, where, url, "query parameter")
                    .toLowerCase(Locale.ROOT);
            String value = eq >= 0 ? decode(pair.substring(eq + 1), where, url, "query parameter " + key) : "";
            if (Secrets.isSecretKey(key)) {
                Secrets.register(value);
            }
            keys.put(key, value);
        }
    }

    /** RFC 3986 percent-decoding; unlike URLDecoder, '+' stays a plus (it is common in passwords). */
    static String decode(String text, String where, String url, String part) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '%') {
                out.append(text.charAt(i++));
                continue;
            }
            // A run of %XX escapes is one UTF-8 byte sequence.
            run.reset();
            while (i < text.length() && text.charAt(i) == '%') {
                int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int lo = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw malformed(where, url, "bad %-escape in the " + part + " (write a literal % as %25)");
                }
                run.write(hi * 16 + lo);
                i += 3;
            }
            out.append(run.toString(StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static ConfigException malformed(String where, String url, String reason) {
        return new ConfigException(where + ": malformed URL \"" + masked(url) + "\": " + reason);
    }

    /** The URL with any password replaced by the mask. */
    static String masked(String url) {
        int sep = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (sep < 0 || at < sep) {
            return Secrets.scrub(url);
        }
        String userInfo = url.substring(sep + 3, at);
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            return Secrets.scrub(url);
        }
        return url.substring(0, sep + 3) + userInfo.substring(0, colon + 1) + Secrets.MASK + url.substring(at);
    }
}
