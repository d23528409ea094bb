package dev.quarry.sandbox.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One HTTP/1.1 request: the head parsed, the body still on the wire. */
final class HttpRequest {
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    final String method;

    final String path;
    final String rawQuery;
    final Map<String, String> query;
    private final Map<String, String> headers;
    private final InputStream in;

    /** The path split at '/', the leading "" included and a trailing slash ignored: ["", "api", db, table, ...]. */
    String[] segments() {
        // "/api/db/t/_stream_load/" routes as without the trailing slash.
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end).split("/", -1);
    }

    private HttpRequest(
            String method,
            String path,
            String rawQuery,
            Map<String, String> query,
            Map<String, String> headers,
            InputStream in) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = query;
        this.headers = headers;
        this.in = in;
    }

    /** Reads the request head, or returns null if the client closed before sending one. */
    static HttpRequest read(InputStream in) throws IOException, BadRequest {
        int[] budget = {MAX_HEAD_BYTES};
        String requestLine = line(in, budget);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest("malformed request line");
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        while (true) {
            String line = line(in, budget);
            if (line == null) {
                throw new EOFException("client closed inside the request head");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadRequest("malformed header line");
            }
            headers.putIfAbsent(
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        String target = parts[1];
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String rawQuery = q < 0 ? null : target.substring(q + 1);
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
                query.putIfAbsent(k, v);
            }
        }
        return new HttpRequest(
                parts[0].toUpperCase(Locale.ROOT),
                decode(rawPath, false),
                rawQuery,
                Collections.unmodifiableMap(query),
                headers,
                in);
    }

    /** A header, case-insensitively, or null. */
    String header(String name) {
        return headers.get(name);
    }

    boolean expectsContinue() {
        return headers.containsKey("Expect");
    }

    /** Decoded body: chunked, or Content-Length bytes, or empty. */
    InputStream body() throws BadRequest {
        String te = header("Transfer-Encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new ChunkedInputStream(in);
        }
        long length = contentLength();
        return new FixedLengthInputStream(in, Math.max(0, length));
    }

    /** -1 when absent. */
    long contentLength() throws BadRequest {
        String cl = header("Content-Length");
        if (cl == null) {
            return -1;
        }
        try {
            long n = Long.parseLong(cl.trim());
            if (n < 0) {
                throw new BadRequest("negative Content-Length");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest("invalid Content-Length: " + cl);
        }
    }

    boolean chunked() {
        String te = header("Transfer-Encoding");
        return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static String line(InputStream in, int[] budget) throws IOException, BadRequest {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            if (--budget[0] < 0) {
                throw new BadRequest("request head larger than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                byte[] bytes = out.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            out.write(b);
        }
        if (!any) {
            return null;
        }
        throw new EOFException("client closed inside the request head");
    }

    static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi << 4 | lo);
                    i += 2;
                    continue;
                }
            }
            if (ch == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.writeBytes(String.valueOf(ch).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The request cannot be understood: answer 400. */
    static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }
}
