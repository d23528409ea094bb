package dev.quarry.sandbox.mysql;

import dev.quarry.sandbox.QueryLog;
import dev.quarry.sandbox.engine.Engine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The FE query port: a blocking MySQL protocol server, one thread per connection. Bind first ({@link #bind}),
 * then {@link #start()} once the engine knows the real ports.
 */
public final class MysqlServer implements AutoCloseable {
    /** StarRocks 3.5/4.x FE config {@code mysql_server_version} default (docs/starrocks.md §7.2). */
    public static final String SERVER_VERSION = "8.0.33";

    private final ServerSocket socket;
    private final Engine engine;
    private final String user;
    private final String password;
    private final QueryLog log;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private volatile boolean closed;

    private MysqlServer(ServerSocket socket, Engine engine, String user, String password, QueryLog log) {
        this.socket = socket;
        this.engine = engine;
        this.user = user;
        this.password = password;
        this.log = log;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-mysql-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds {@code host:port} (0 = a free port) without accepting yet. */
    public static MysqlServer bind(String host, int port, Engine engine, String user, String password, QueryLog log)
            throws IOException {
        Objects.requireNonNull(engine, "engine is null");
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        try {
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot bind the sandbox MySQL port " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new MysqlServer(s, engine, user, password, log);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public void start() {
        threads.execute(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            open.add(client);
            int id = connectionIds.incrementAndGet();
            try {
                threads.execute(() -> {
                    try (Socket c = client) {
                        c.setTcpNoDelay(true);
                        new MysqlConnection(c, id, engine, user, password, log).run();
                    } catch (SocketException | java.io.EOFException e) {
                        // the client went away
                    } catch (IOException e) {
                        // broken connection: nothing to answer to
                    } finally {
                        open.remove(client);
                    }
                });
            } catch (RuntimeException e) {
                open.remove(client);
                closeQuietly(client);
            }
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
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
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
}
