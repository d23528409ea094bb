package dev.quarry.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One request on one connection, answered once; the connection closes afterwards (like StarRocks' 307s). */
final class Exchange {
    final Socket socket;
    final HttpRequest request;
    private final OutputStream out;
    private boolean continued;
    private boolean answered;

    Exchange(Socket socket, HttpRequest request, OutputStream out) {
        this.socket = socket;
        this.request = request;
        this.out = out;
    }

    String clientHost() {
        return socket.getRemoteSocketAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress()
                : "%";
    }

    /** Sends {@code 100 Continue} if the client waits for it (Expect header); the body follows. */
    void continueIfExpected() throws IOException {
        if (request.expectsContinue() && !continued) {
            continued = true;
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    InputStream body() throws HttpRequest.BadRequest {
        return request.body();
    }

    boolean answered() {
        return answered;
    }

    void json(int status, String body) throws IOException {
        send(status, Map.of("Content-Type", "application/json; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
    }

    void text(int status, String body) throws IOException {
        send(status, Map.of("Content-Type", "text/plain; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
    }

    void send(int status, Map<String, String> headers, byte[] body) throws IOException {
        answered = true;
        // A client that waits for 100 Continue gets it before any final answer except the FE's 307: JDK 17's
        // HttpClient (expectContinue) hangs on a final response (even for an empty body) that arrives instead of 100,
        // and
        // StarRocks' BE (libevent) sends 100 before its handler answers. finish() then drains the body.
        if (status != 307 && request != null) {
            continueIfExpected();
        }
        StringBuilder head = new StringBuilder("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason(status))
                .append("\r\n");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.flush();
    }

    /**
     * Ends the exchange without resetting a client that is still sending: half-close, then drain what is in flight
     * for a moment, so the client reads our answer instead of a connection reset.
     */
    void finish() {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[64 * 1024];
            long drained = 0;
            while (drained < (64L << 20)) {
                int n = in.read(sink);
                if (n < 0) {
                    break;
                }
                drained += n;
            }
        } catch (SocketTimeoutException e) {
            // the client keeps the connection open: closing now is fine
        } catch (IOException e) {
            // the client is gone already
        }
    }

    /** Test aid (fault injection): resets the connection abruptly. */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 307 -> "Temporary Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 500 -> "Internal Server Error";
            default -> "Status";
        };
    }
}
