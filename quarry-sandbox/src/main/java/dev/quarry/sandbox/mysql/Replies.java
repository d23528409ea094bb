package dev.quarry.sandbox.mysql;

import dev.quarry.sandbox.engine.ResultColumn;
import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.sandbox.engine.StatementResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The server's answers on one connection: OK, EOF and ERR packets, column definitions, text and binary rows. */
final class Replies {
    static final int SERVER_STATUS_AUTOCOMMIT = 2;

    private final PacketChannel channel;
    private final Buf buf = new Buf(1 << 16);

    Replies(PacketChannel channel) {
        this.channel = channel;
    }

    /** The reusable payload buffer, reset. */
    Buf buf() {
        return buf.reset();
    }

    void write(Buf payload) throws IOException {
        channel.write(payload);
    }

    void flush() throws IOException {
        channel.flush();
    }

    void ok(long affectedRows, int warnings, String info) throws IOException {
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

    void eof() throws IOException {
        channel.write(buf.reset().int1(0xfe).int2(0).int2(SERVER_STATUS_AUTOCOMMIT));
    }

    void error(SqlError e) throws IOException {
        String state = e.sqlState().length() == 5 ? e.sqlState() : "HY000";
        channel.write(
                buf.reset().int1(0xff).int2(e.code()).int1('#').eofStr(state).eofStr(e.getMessage()));
        channel.flush();
    }

    /** An OK packet or a text result set, as COM_QUERY answers. */
    void result(StatementResult result) throws IOException {
        if (result instanceof StatementResult.Rows rows) {
            textRows(rows);
        } else if (result instanceof StatementResult.Ok ok) {
            ok(ok.affectedRows(), ok.warnings(), ok.info());
        }
    }

    /** The column count, one definition per column, and the EOF that ends them. */
    void columns(StatementResult.Rows rows) throws IOException {
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
        eof();
    }

    /** One placeholder's definition in a COM_STMT_PREPARE answer: MySQL describes every parameter as a string. */
    void parameter() throws IOException {
        buf.reset()
                .lenencStr("def")
                .lenencStr("")
                .lenencStr("")
                .lenencStr("")
                .lenencStr("?")
                .lenencStr("")
                .lenenc(0x0c)
                .int2(ColumnType.BINARY)
                .int4(0)
                .int1(ColumnType.VAR_STRING.code)
                .int2(ColumnType.BINARY_FLAG)
                .int1(0)
                .int2(0);
        channel.write(buf);
    }

    private void textRows(StatementResult.Rows rows) throws IOException {
        columns(rows);
        List<ResultColumn> columns = rows.columns();
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
        eof();
        channel.flush();
    }

    /**
     * A binary result set (the answer to COM_STMT_EXECUTE, docs/starrocks.md §7.6): every row is encoded before
     * anything is sent, so a value the binary form cannot carry becomes an error packet instead of half a result.
     */
    void binaryRows(StatementResult.Rows rows) throws IOException, SqlError {
        List<byte[]> encoded = BinaryRows.encode(rows);
        columns(rows);
        for (byte[] row : encoded) {
            channel.write(row, row.length);
        }
        eof();
        channel.flush();
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
}
