package dev.quarry.sandbox.mysql;

import dev.quarry.sandbox.QueryLog;
import dev.quarry.sandbox.engine.Engine;
import dev.quarry.sandbox.engine.EngineSession;
import dev.quarry.sandbox.engine.ResultColumn;
import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.sandbox.engine.StatementResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

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
    static final int SERVER_STATUS_AUTOCOMMIT = 2;

    private static final int COM_QUIT = 0x01;
    private static final int COM_INIT_DB = 0x02;
    private static final int COM_QUERY = 0x03;
    private static final int COM_FIELD_LIST = 0x04;
    private static final int COM_PING = 0x0e;
    private static final int COM_RESET_CONNECTION = 0x1f;

    private final int id;
    private final Engine engine;
    private final String user;
    private final String password;
    private final QueryLog log;
    private final PacketChannel channel;
    private final Buf buf = new Buf(1 << 16);
    private final String clientHost;

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
                .int2(SERVER_STATUS_AUTOCOMMIT)
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
        Cursor c = new Cursor(p);
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
            switch (command) {
                case COM_QUIT -> {
                    return;
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
            channel.flush();
        }
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
        List<ResultColumn> columns = rows.columns();
        channel.write(buf.reset().lenenc(columns.size()));
        for (int c = 0; c < columns.size(); c++) {
            ResultColumn col = columns.get(c);
            ColumnType t = ColumnType.of(col.type());
            buf.reset()
                    .lenencStr("def")
                    .lenencStr("")
                    .lenencStr("")
                    .lenencStr("")
                    .lenencStr(col.name())
                    .lenencStr(col.name())
                    .lenenc(0x0c)
                    .int2(t.charset())
                    .int4(Math.min(col.length(), 0xffffffffL))
                    .int1(t.code)
                    .int2(t.flags(col.nullable()))
                    .int1(t == ColumnType.DATETIME && hasFraction(rows.rows(), c) ? 6 : col.scale())
                    .int2(0);
            channel.write(buf);
        }
        sendEof();
        boolean[] binary = new boolean[columns.size()];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = ColumnType.of(columns.get(i).type()) == ColumnType.BLOB;
        }
        for (List<String> row : rows.rows()) {
            buf.reset();
            for (int i = 0; i < row.size(); i++) {
                String value = row.get(i);
                if (value == null) {
                    buf.int1(0xfb);
                } else if (i < binary.length && binary[i]) {
                    // The engine carries a binary value's bytes one per char (Latin-1); StarRocks sends the raw bytes.
                    byte[] raw = value.getBytes(StandardCharsets.ISO_8859_1);
                    buf.lenenc(raw.length).bytes(raw);
                } else {
                    buf.lenencStr(value);
                }
            }
            channel.write(buf);
        }
        sendEof();
    }

    /**
     * Whether a DATETIME column holds a value with microseconds. StarRocks sends them as text
     * ({@code 2024-01-02 03:04:05.123456}) but declares 0 decimals; Connector/J cuts values to the declared decimals,
     * so the sandbox declares 6 when a fraction is present and the text reaches the client whole.
     */
    private static boolean hasFraction(List<List<String>> rows, int column) {
        for (List<String> row : rows) {
            String v = column < row.size() ? row.get(column) : null;
            if (v != null && v.length() > 19) {
                return true;
            }
        }
        return false;
    }

    private void sendOk(long affectedRows, int warnings, String info) throws IOException {
        buf.reset()
                .int1(0)
                .lenenc(affectedRows)
                .lenenc(0)
                .int2(SERVER_STATUS_AUTOCOMMIT)
                .int2(warnings);
        if (info != null && !info.isEmpty()) {
            // Like MySQL's net_send_ok (and StarRocks' OkPacket), the info is a length-encoded string; Connector/J
            // reads it that way even without CLIENT_SESSION_TRACK.
            buf.lenencStr(info);
        }
        channel.write(buf);
        channel.flush();
    }

    private void sendEof() throws IOException {
        channel.write(buf.reset().int1(0xfe).int2(0).int2(SERVER_STATUS_AUTOCOMMIT));
    }

    private void sendError(SqlError e) throws IOException {
        String state = e.sqlState().length() == 5 ? e.sqlState() : "HY000";
        channel.write(
                buf.reset().int1(0xff).int2(e.code()).int1('#').eofStr(state).eofStr(e.getMessage()));
        channel.flush();
    }

    /** Reads a client packet. */
    private static final class Cursor {
        private final byte[] p;
        private int pos;

        Cursor(byte[] p) {
            this.p = p;
        }

        int remaining() {
            return p.length - pos;
        }

        void skip(int n) {
            pos = Math.min(p.length, pos + n);
        }

        int int1() {
            return pos < p.length ? p[pos++] & 0xff : 0;
        }

        long int4() {
            long v = 0;
            for (int i = 0; i < 4; i++) {
                v |= (long) int1() << (8 * i);
            }
            return v;
        }

        long lenenc() {
            int first = int1();
            if (first < 0xfb) {
                return first;
            }
            int n = first == 0xfc ? 2 : first == 0xfd ? 3 : 8;
            long v = 0;
            for (int i = 0; i < n; i++) {
                v |= (long) int1() << (8 * i);
            }
            return v;
        }

        byte[] bytes(int n) {
            int end = Math.min(p.length, pos + n);
            byte[] b = Arrays.copyOfRange(p, pos, end);
            pos = end;
            return b;
        }

        byte[] nulBytes() {
            int end = pos;
            while (end < p.length && p[end] != 0) {
                end++;
            }
            byte[] b = Arrays.copyOfRange(p, pos, end);
            pos = Math.min(p.length, end + 1);
            return b;
        }

        String nulStr() {
            return new String(nulBytes(), StandardCharsets.UTF_8);
        }
    }
}
