package dev.quarry.starrocks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 request per connection, with {@code Expect: 100-continue} handled here: the body is sent only after
 * the server's {@code 100 Continue}, and a final answer that arrives instead (the FE's 307, a 401, an early error)
 * is read without sending it. java.net.http cannot be used for this on JDK 17: when a server answers an Expect
 * request with a final response that has a body, JDK 17.0.15's client never completes the exchange, not even at
 * its request timeout (JDK 25 does), and StarRocks answers exactly that way on authentication failures.
 */
final class Http11 {
    /** Like curl: a server that ignores Expect gets the body after this long anyway. */
    private static final int CONTINUE_WAIT_MS = 1000;

    private static final int CHUNK = 64 * 1024;

    private Http11() {}

    /**
     * @param status HTTP status
     * @param headers response headers, names lower-cased
     * @param body response body (at most {@code maxBody} bytes), UTF-8
     */
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Sends one request and reads the response.
     *
     * @param body the request body, or null for none; opened only if the server asks for it
     * @param timeout connect timeout and the longest silence while reading or writing
     */
    static Response exchange(
            String method,
            URI uri,
            Map<String, String> headers,
            LoadBody body,
            Duration connectTimeout,
            Duration timeout,
            int maxBody)
            throws IOException {
        String host = uri.getHost();
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        Socket socket = new Socket();
        try {
            socket.connect(
                    new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            if (tls) {
                socket = ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, host, port, true);
            }
            socket.setTcpNoDelay(true);
            int readTimeout = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            socket.setSoTimeout(readTimeout);
            InputStream in = new BufferedInputStream(socket.getInputStream(), CHUNK);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), CHUNK);

            long length = body == null ? 0 : body.length();
            StringBuilder head = new StringBuilder();
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            head.append(method)
                    .append(' ')
                    .append(target.isEmpty() ? "/" : target)
                    .append(" HTTP/1.1\r\n");
            head.append("Host: ")
                    .append(host)
                    .append(uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    .append("\r\n");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
            if (body != null) {
                head.append("Expect: 100-continue\r\n");
                head.append(length >= 0 ? "Content-Length: " + length + "\r\n" : "Transfer-Encoding: chunked\r\n");
            } else if (!method.equals("GET")) {
                head.append("Content-Length: 0\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();

            if (body == null) {
                return readResponse(in, maxBody, false);
            }
            socket.setSoTimeout(CONTINUE_WAIT_MS);
            Response interim = null;
            try {
                interim = readResponse(in, maxBody, true);
            } catch (SocketTimeoutException e) {
                // no answer yet: send the body as curl does
            }
            socket.setSoTimeout(readTimeout);
            if (interim != null && interim.status() != 100) {
                return interim; // answered before the body: 307, 401, an error
            }
            try {
                sendBody(body, length, out);
            } catch (BodySourceException e) {
                // Closing the connection mid-body makes the server drop the partial load; nothing to read.
                throw e.source;
            } catch (IOException e) {
                // The server may have answered and closed while we were sending; its answer explains more.
                try {
                    return readResponse(in, maxBody, false);
                } catch (IOException ignored) {
                    throw e;
                }
            }
            return readResponse(in, maxBody, false);
        } finally {
            socket.close();
        }
    }

    private static void sendBody(LoadBody body, long length, OutputStream out) throws IOException {
        try (InputStream data = body.open()) {
            byte[] buf = new byte[CHUNK];
            long sent = 0;
            int n;
            while ((n = read(data, buf)) > 0) {
                if (length >= 0) {
                    out.write(buf, 0, n);
                } else {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(buf, 0, n);
                    out.write('\r');
                    out.write('\n');
                }
                sent += n;
            }
            if (length < 0) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else if (sent != length) {
                throw new IOException("the load body had " + sent + " bytes, not the announced " + length);
            }
            out.flush();
        }
    }

    private static int read(InputStream data, byte[] buf) throws BodySourceException {
        try {
            return data.read(buf);
        } catch (IOException e) {
            throw new BodySourceException(e);
        }
    }

    /** The body's own source failed (not the connection): carries the source's exception. */
    private static final class BodySourceException extends IOException {
        private static final long serialVersionUID = 1L;
        private final IOException source;

        BodySourceException(IOException source) {
            super(source.getMessage(), source);
            this.source = source;
        }
    }

    /** Reads a response; with {@code headOnly} (the answer to Expect) a 100 is returned without reading further. */
    private static Response readResponse(InputStream in, int maxBody, boolean headOnly) throws IOException {
        while (true) {
            String statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("the server closed the connection without an answer");
            }
            if (statusLine.isEmpty()) {
                continue;
            }
            String[] parts = statusLine.split(" ", 3);
            int status;
            try {
                status = parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
            } catch (NumberFormatException e) {
                status = -1;
            }
            if (status < 100) {
                throw new IOException("not an HTTP response: " + statusLine);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String h;
            while ((h = line(in)) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                if (colon > 0) {
                    headers.put(
                            h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            h.substring(colon + 1).trim());
                }
            }
            if (status == 100 && headOnly) {
                return new Response(100, headers, "");
            }
            if (status >= 100 && status < 200) {
                continue; // a late 100 Continue or another interim answer
            }
            return new Response(status, headers, readBody(in, headers, maxBody));
        }
    }

    private static String readBody(InputStream in, Map<String, String> headers, int maxBody) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String te = headers.get("transfer-encoding");
        String cl = headers.get("content-length");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            while (true) {
                String size = line(in);
                if (size == null) {
                    break;
                }
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                if (n == 0) {
                    while ((size = line(in)) != null && !size.isEmpty()) {
                        // trailers
                    }
                    break;
                }
                copy(in, body, n, maxBody);
                line(in);
            }
        } else if (cl != null) {
            copy(in, body, Long.parseLong(cl.trim()), maxBody);
        } else {
            copy(in, body, Long.MAX_VALUE, maxBody);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, long n, int max) throws IOException {
        byte[] buf = new byte[8192];
        // Beyond max the caller does not look; the connection is closed right after.
        while (n > 0 && out.size() < max) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                return;
            }
            out.write(buf, 0, Math.min(r, max - out.size()));
            n -= r;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
            if (b.size() > 64 * 1024) {
                throw new IOException("HTTP header line longer than 64 KiB");
            }
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
