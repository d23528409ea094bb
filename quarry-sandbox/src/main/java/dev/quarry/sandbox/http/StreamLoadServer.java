package dev.quarry.sandbox.http;

import dev.quarry.sandbox.Fault;
import dev.quarry.sandbox.QueryLog;
import dev.quarry.sandbox.engine.Engine;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's two HTTP ports, hand-written HTTP/1.1 on blocking sockets: the FE port must answer 307 before the
 * body is sent, which {@code com.sun.net.httpserver} cannot (it always sends 100 Continue first).
 */
public final class StreamLoadServer implements AutoCloseable {
    /** How long a request may go without sending a byte before the sandbox drops it. */
    static final int READ_TIMEOUT_MILLIS = 120_000;

    private final ServerSocket fe;
    private final ServerSocket be;
    private final FrontendHandler frontend;
    private final BackendHandler backend;
    private final Faults faults = new Faults();
    private final AtomicInteger requestsInFlight = new AtomicInteger();
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private StreamLoadServer(
            ServerSocket fe,
            ServerSocket be,
            Engine engine,
            String user,
            String password,
            int backends,
            String version,
            QueryLog log) {
        this.fe = fe;
        this.be = be;
        BasicAuth auth = new BasicAuth(user, password);
        this.frontend = new FrontendHandler(engine, auth, backends, version);
        this.backend = new BackendHandler(engine, auth, log, new ErrorLogs(), faults);
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds both ports (0 = a free port) without accepting yet. */
    public static StreamLoadServer bind(
            String host,
            int fePort,
            int bePort,
            Engine engine,
            String user,
            String password,
            int backends,
            String version,
            QueryLog log)
            throws IOException {
        ServerSocket fe = bindOne(host, fePort, "FE HTTP");
        ServerSocket be;
        try {
            be = bindOne(host, bePort, "BE HTTP");
        } catch (IOException e) {
            fe.close();
            throw e;
        }
        return new StreamLoadServer(fe, be, engine, user, password, backends, version, log);
    }

    private static ServerSocket bindOne(String host, int port, String what) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        try {
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
        } catch (IOException e) {
            s.close();
            throw new IOException(
                    "cannot bind the sandbox " + what + " port " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return s;
    }

    public int fePort() {
        return fe.getLocalPort();
    }

    public int bePort() {
        return be.getLocalPort();
    }

    /** Starts accepting; {@code host} is what the 307 Location and ErrorURLs name. */
    public void start(String host, int queryPort) {
        frontend.advertise(host, bePort(), queryPort);
        backend.advertise(host, bePort());
        threads.execute(() -> acceptLoop(fe, true));
        threads.execute(() -> acceptLoop(be, false));
    }

    /** Test aid: the next {@code n} loads on the BE port (plain or transaction {@code load}) suffer {@code fault}. */
    public void failNextLoads(int n, Fault fault) {
        faults.failNext(n, fault);
    }

    /** Loads waiting out an injected stall right now. */
    public int stalledLoads() {
        return faults.stalled();
    }

    /** HTTP requests being handled right now, on either port. */
    public int requestsInFlight() {
        return requestsInFlight.get();
    }

    private void acceptLoop(ServerSocket server, boolean isFe) {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            open.add(client);
            try {
                threads.execute(() -> serve(client, isFe));
            } catch (RuntimeException e) {
                open.remove(client);
                closeQuietly(client);
            }
        }
    }

    private void serve(Socket client, boolean isFe) {
        requestsInFlight.incrementAndGet();
        try {
            serveCounted(client, isFe);
        } finally {
            requestsInFlight.decrementAndGet();
        }
    }

    private void serveCounted(Socket client, boolean isFe) {
        Exchange ex = null;
        try (Socket c = client) {
            c.setTcpNoDelay(true);
            // A client that stops sending mid-request must not hold a handler thread (and, for the transaction
            // interface, its label's lock) forever.
            c.setSoTimeout(READ_TIMEOUT_MILLIS);
            BufferedInputStream in = new BufferedInputStream(c.getInputStream(), 1 << 16);
            OutputStream out = new BufferedOutputStream(c.getOutputStream(), 1 << 14);
            HttpRequest request;
            try {
                request = HttpRequest.read(in);
            } catch (HttpRequest.BadRequest e) {
                new Exchange(c, null, out).text(400, e.getMessage());
                return;
            }
            if (request == null) {
                return;
            }
            ex = new Exchange(c, request, out);
            if (isFe) {
                frontend.handle(ex);
            } else {
                backend.handle(ex);
            }
            if (ex.answered() && !c.isClosed()) {
                ex.finish();
            }
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // An unanswered request must still get an answer when the connection allows it: JDK 17's HttpClient
            // waiting for 100 Continue does not notice a handler that gave up, and hangs.
            answerInternalError(ex, e);
        } finally {
            open.remove(client);
        }
    }

    private static void answerInternalError(Exchange ex, Throwable e) {
        if (ex == null || ex.answered()) {
            return;
        }
        try {
            ex.text(500, "Unexpected exception: " + e);
            ex.finish();
        } catch (IOException | RuntimeException ignored) {
            // the connection is gone as well
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already broken
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(fe);
        closeQuietly(be);
        for (Socket s : open) {
            closeQuietly(s);
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
