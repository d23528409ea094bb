package dev.quarry.sandbox.mysql;

import dev.quarry.sandbox.QueryLog;
import dev.quarry.sandbox.engine.Engine;
import dev.quarry.sandbox.engine.EngineSession;
import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.sandbox.engine.StatementResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One client connection: handshake, authentication, then the command loop. */
final class MysqlConnection {
    // Capability flags (MySQL protocol docs, "Capabilities Flags"). Honest: no SSL, no multi-statements,
    // no CLIENT_DEPRECATE_EOF (we send EOF packets), no compression.
    static final int CLIENT_LONG_PASSWORD = 1;
    static final int CLIENT_FOUND_ROWS = 2;
    static final int CLIENT_LONG_FLAG = 4;
    static final int CLIENT_CONNECT_WITH_DB = 8;
    static final int CLIENT_PROTOCOL_41 = 0x200;
    static final int CLIENT_INTERACTIVE = 0x400;
    static final int CLIENT_TRANSACTIONS = 0x2000;
    static final int CLIENT_SECURE_CONNECTION = 0x8000;
    static final int CLIENT_MULTI_RESULTS = 0x20000;
    static final int CLIENT_PLUGIN_AUTH = 0x80000;
    static final int CLIENT_CONNECT_ATTRS = 0x100000;
    static final int CLIENT_PLUGIN_AUTH_LENENC = 0x200000;
    static final int SERVER_CAPABILITIES = CLIENT_LONG_PASSWORD
            | CLIENT_FOUND_ROWS
            | CLIENT_LONG_FLAG
            | CLIENT_CONNECT_WITH_DB
            | CLIENT_PROTOCOL_41
            | CLIENT_INTERACTIVE
            | CLIENT_TRANSACTIONS
            | CLIENT_SECURE_CONNECTION
            | CLIENT_MULTI_RESULTS
            | CLIENT_PLUGIN_AUTH
            | CLIENT_CONNECT_ATTRS
            | CLIENT_PLUGIN_AUTH_LENENC;

    private static final int COM_QUIT = 0x01;
    private static final int COM_INIT_DB = 0x02;
    private static final int COM_QUERY = 0x03;
    private static final int COM_FIELD_LIST = 0x04;
    private static final int COM_PING = 0x0e;
    private static final int COM_STMT_PREPARE = 0x16;
    private static final int COM_STMT_EXECUTE = 0x17;
    private static final int COM_STMT_SEND_LONG_DATA = 0x18;
    private static final int COM_STMT_CLOSE = 0x19;
    private static final int COM_STMT_RESET = 0x1a;
    private static final int COM_RESET_CONNECTION = 0x1f;

    private final int id;
    private final Engine engine;
    private final String user;
    private final String password;
    private final QueryLog log;
    private final PacketChannel channel;
    private final Replies replies;
    private final Buf buf = new Buf(1 << 16);
    private final String clientHost;
    private final PreparedStatements prepared;

    MysqlConnection(Socket socket, int id, Engine engine, String user, String password, QueryLog log)
            throws IOException {

        this.id = id;
        this.engine = engine;
        this.user = user;
        this.password = password;
        this.log = log;
        this.channel = new PacketChannel(
                new BufferedInputStream(socket.getInputStream(), 1 << 16),
                new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
        this.replies = new Replies(channel);
        this.prepared = new PreparedStatements(replies);
        this.clientHost = socket.getRemoteSocketAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress()
                : "%";
    }

    void run() throws IOException {
        EngineSession session = handshake();
        if (session == null) {
            return;
        }
        try {
            commandLoop(session);
        } finally {
            session.close();
        }
    }

    // ---- connection phase ----

    private EngineSession handshake() throws IOException {
        byte[] scramble = NativePassword.newScramble();
        buf.reset()
                .int1(10)
                .nulStr(MysqlServer.SERVER_VERSION)
                .int4(id)
                .bytes(scramble, 0, 8)
                .int1(0)
                .int2(SERVER_CAPABILITIES & 0xffff)
                .int1(ColumnType.UTF8_GENERAL_CI)
                .int2(Replies.SERVER_STATUS_AUTOCOMMIT)
                .int2(SERVER_CAPABILITIES >>> 16)
                .int1(scramble.length + 1)
                .zeros(10)
                .bytes(scramble, 8, 12)
                .int1(0)
                .nulStr(NativePassword.PLUGIN);
        channel.write(buf);
        channel.flush();

        byte[] p = channel.read();
        if (p == null) {
            return null;
        }
        Payload c = new Payload(p, 0);
        int clientCaps = (int) c.int4();
        if ((clientCaps & CLIENT_PROTOCOL_41) == 0) {
            sendError(new SqlError(1043, "08S01", "Bad handshake: the sandbox speaks protocol 4.1 only"));
            return null;
        }
        c.skip(4 + 1 + 23);
        String clientUser = c.nulStr();
        byte[] authResponse;
        if ((clientCaps & CLIENT_PLUGIN_AUTH_LENENC) != 0) {
            authResponse = c.bytes((int) c.lenenc());
        } else if ((clientCaps & CLIENT_SECURE_CONNECTION) != 0) {
            authResponse = c.bytes(c.int1());
        } else {
            authResponse = c.nulBytes();
        }
        String database = null;
        if ((clientCaps & CLIENT_CONNECT_WITH_DB) != 0 && c.remaining() > 0) {
            database = c.nulStr();
        }
        String plugin = NativePassword.PLUGIN;
        if ((clientCaps & CLIENT_PLUGIN_AUTH) != 0 && c.remaining() > 0) {
            plugin = c.nulStr();
        }
        if (!plugin.equals(NativePassword.PLUGIN)) {
            // The client chose another method (e.g. caching_sha2_password): ask it to switch.
            buf.reset().int1(0xfe).nulStr(NativePassword.PLUGIN).bytes(scramble).int1(0);
            channel.write(buf);
            channel.flush();
            authResponse = channel.read();
            if (authResponse == null) {
                return null;
            }
        }
        boolean usedPassword = authResponse.length > 0;
        if (!clientUser.equals(user) || !NativePassword.verify(password, scramble, authResponse)) {
            // MySQL/StarRocks wording of ER_ACCESS_DENIED_ERROR (1045, SQLSTATE 28000).
            sendError(new SqlError(
                    1045,
                    "28000",
                    "Access denied for user '" + clientUser + "'@'" + clientHost + "' (using password: "
                            + (usedPassword ? "YES" : "NO") + ")"));
            return null;
        }
        EngineSession session = engine.openSession(clientUser);
        if (database != null && !database.isEmpty()) {
            try {
                session.useDatabase(database);
            } catch (SqlError e) {
                sendError(e);
                session.close();
                return null;
            }
        }
        sendOk(0, 0, "");
        return session;
    }

    // ---- command phase ----

    private void commandLoop(EngineSession session) throws IOException {
        while (true) {
            channel.resetSequence();
            byte[] p = channel.read();
            if (p == null || p.length == 0) {
                return;
            }
            int command = p[0] & 0xff;
            try {
                session = dispatch(session, command, p);
            } catch (RuntimeException | StackOverflowError e) {
                // A command the sandbox fails on still gets an answer, in StarRocks' form for internal failures
                // (docs/starrocks.md §5.9), and the connection goes on; a dropped connection tells a client nothing.
                if (command != COM_STMT_CLOSE && command != COM_STMT_SEND_LONG_DATA) {
                    sendError(SqlError.of("Unexpected exception: " + e));
                }
            }
            if (session == null) {
                return;
            }
            channel.flush();
        }
    }

    /** Runs one command; the session to go on with (COM_RESET_CONNECTION opens a new one), or null to close. */
    private EngineSession dispatch(EngineSession session, int command, byte[] p) throws IOException {
        switch (command) {
            case COM_QUIT -> {
                return null;
            }
            case COM_PING -> sendOk(0, 0, "");
            case COM_INIT_DB -> {
                String db = new String(p, 1, p.length - 1, StandardCharsets.UTF_8);
                try {
                    session.useDatabase(db);
                    sendOk(0, 0, "");
                } catch (SqlError e) {
                    sendError(e);
                }
            }
            case COM_QUERY -> query(session, new String(p, 1, p.length - 1, StandardCharsets.UTF_8));
            case COM_STMT_PREPARE -> prepared.prepare(p);
            case COM_STMT_EXECUTE -> {
                EngineSession current = session;
                prepared.execute(p, sql -> runPrepared(current, sql));
            }
            // Neither answers: a reply here would be read as the answer to the client's next command.
            case COM_STMT_SEND_LONG_DATA -> prepared.sendLongData(p);
            case COM_STMT_CLOSE -> prepared.close(p);
            case COM_STMT_RESET -> prepared.reset(p);
            // Clients use COM_FIELD_LIST for tab completion only; an empty column list is a valid answer.
            case COM_FIELD_LIST -> sendEof();
            case COM_RESET_CONNECTION -> {
                String db = session.database().orElse(null);
                session.close();
                session = engine.openSession(session.user());
                if (db != null) {
                    try {
                        session.useDatabase(db);
                    } catch (SqlError e) {
                        // the database was dropped meanwhile: the reset session simply has none
                    }
                }
                sendOk(0, 0, "");
            }
            default -> sendError(new SqlError(1047, "08S01", "Unknown command"));
        }
        return session;
    }

    private void query(EngineSession session, String sql) throws IOException {
        long start = System.nanoTime();
        String error = null;
        try {
            StatementResult result = session.execute(sql);
            if (result instanceof StatementResult.Rows rows) {
                sendRows(rows);
            } else if (result instanceof StatementResult.Ok ok) {
                sendOk(ok.affectedRows(), ok.warnings(), ok.info());
            }
        } catch (SqlError e) {
            error = e.getMessage();
            sendError(e);
        } catch (RuntimeException | StackOverflowError e) {
            // StarRocks reports internal failures in this form (docs/starrocks.md §5.9). A statement nested deeply
            // enough to overflow the parser's stack gets an answer too, instead of a dropped connection.
            SqlError internal = SqlError.of("Unexpected exception: " + e);
            error = internal.getMessage();
            sendError(internal);
        } finally {
            log.statement(
                    session.user(),
                    session.database().orElse(null),
                    clientHost,
                    sql,
                    (System.nanoTime() - start) / 1_000_000,
                    error);
        }
    }

    private void sendRows(StatementResult.Rows rows) throws IOException {
        replies.result(rows);
    }

    /**
     * Runs a prepared statement's text with its parameters bound, logged like a COM_QUERY statement (StarRocks'
     * audit log also records the statement with the values in place).
     */
    private StatementResult runPrepared(EngineSession session, String sql) throws SqlError {
        long start = System.nanoTime();
        String error = null;
        try {
            return session.execute(sql);
        } catch (SqlError e) {
            error = e.getMessage();
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            SqlError internal = SqlError.of("Unexpected exception: " + e);
            error = internal.getMessage();
            throw internal;
        } finally {
            log.statement(
                    session.user(),
                    session.database().orElse(null),
                    clientHost,
                    sql,
                    (System.nanoTime() - start) / 1_000_000,
                    error);
        }
    }

    private void sendOk(long affectedRows, int warnings, String info) throws IOException {
        replies.ok(affectedRows, warnings, info);
    }

    private void sendEof() throws IOException {
        replies.eof();
    }

    private void sendError(SqlError e) throws IOException {
        replies.error(e);
    }
}
