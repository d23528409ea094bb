package dev.quarry.sandbox.mysql;

import dev.quarry.sandbox.engine.SqlError;
import dev.quarry.sandbox.engine.StatementResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One connection's server-side prepared statements: COM_STMT_PREPARE, COM_STMT_EXECUTE, COM_STMT_SEND_LONG_DATA,
 * COM_STMT_RESET and COM_STMT_CLOSE (docs/starrocks.md §7.6). A statement is kept as its text and the offsets of its
 * placeholders; an execution binds the parameters as literals and runs the text like COM_QUERY, answering with
 * binary rows.
 */
final class PreparedStatements {
    /** Runs a statement's text with the parameters bound, as COM_QUERY does, and logs it. */
    interface Runner {
        StatementResult run(String sql) throws SqlError;
    }

    private final Replies replies;
    private final Map<Long, Prepared> statements = new HashMap<>();
    private long nextId = 1;

    PreparedStatements(Replies replies) {
        this.replies = replies;
    }

    private static final class Prepared {
        final String sql;
        final List<Integer> placeholders;
        /** Parameter types of the last execution that sent them: later executions may leave them out. */
        final int[] types;

        final ByteArrayOutputStream[] longData;

        Prepared(String sql, List<Integer> placeholders) {
            this.sql = sql;
            this.placeholders = List.copyOf(placeholders);
            this.types = new int[placeholders.size()];
            this.longData = new ByteArrayOutputStream[placeholders.size()];
        }

        int params() {
            return placeholders.size();
        }

        void clearLongData() {
            java.util.Arrays.fill(longData, null);
        }
    }

    /**
     * COM_STMT_PREPARE. StarRocks prepares queries only; it answers with the statement id, the parameter count, a
     * definition per parameter and no column definitions (the columns come with each execution's result).
     */
    void prepare(byte[] packet) throws IOException {
        String sql = stripTrailingNuls(new String(packet, 1, packet.length - 1, StandardCharsets.UTF_8));
        if (!isQuery(sql)) {
            replies.error(new SqlError(
                    1295, "HY000", "This command is not supported in the prepared statement protocol yet"));
            return;
        }
        Prepared p = new Prepared(sql, Placeholders.positions(sql));
        long id = nextId++;
        statements.put(id, p);
        replies.write(
                replies.buf().int1(0).int4(id).int2(0).int2(p.params()).int1(0).int2(0));
        if (p.params() > 0) {
            for (int i = 0; i < p.params(); i++) {
                replies.parameter();
            }
            replies.eof();
        }
        replies.flush();
    }

    /** COM_STMT_EXECUTE: binds the parameters, runs the statement, answers with binary rows or an OK packet. */
    void execute(byte[] packet, Runner runner) throws IOException {
        Payload in = new Payload(packet, 1);
        long id = in.int4();
        Prepared p = statements.get(id);
        if (p == null) {
            // StarRocks' text for an unknown statement id (ConnectProcessor.handleExecute).
            replies.error(SqlError.of("msg: Not Found prepared statement, stmtName: " + id));
            return;
        }
        in.skip(1 + 4); // cursor flags (no cursors: the whole result is sent), iteration count (always 1)
        String sql;
        try {
            sql = Placeholders.bind(p.sql, p.placeholders, literals(p, in));
        } catch (SqlError e) {
            p.clearLongData();
            replies.error(e);
            return;
        }
        p.clearLongData();
        try {
            StatementResult result = runner.run(sql);
            if (result instanceof StatementResult.Rows rows) {
                replies.binaryRows(rows);
            } else {
                replies.result(result);
            }
        } catch (SqlError e) {
            replies.error(e);
        }
    }

    private static List<String> literals(Prepared p, Payload in) throws SqlError {
        int n = p.params();
        List<String> literals = new ArrayList<>(n);
        if (n == 0) {
            return literals;
        }
        byte[] nulls = in.bytes((n + 7) / 8);
        if (in.int1() == 1) {
            for (int i = 0; i < n; i++) {
                p.types[i] = in.int2();
            }
        }
        for (int i = 0; i < n; i++) {
            if ((nulls[i / 8] & (1 << (i % 8))) != 0) {
                literals.add("NULL");
            } else if (p.longData[i] != null) {
                // StarRocks' FE has no COM_STMT_SEND_LONG_DATA (docs/starrocks.md §7.6): a value sent that way never
                // reaches a statement there, so the execution that would use it fails here.
                throw SqlError.of("Unsupported command(COM_STMT_SEND_LONG_DATA)");
            } else {
                literals.add(BinaryParams.read(in, p.types[i]));
            }
        }
        return literals;
    }

    /** COM_STMT_SEND_LONG_DATA: appends to a parameter's value; MySQL's protocol answers nothing. */
    void sendLongData(byte[] packet) {
        Payload in = new Payload(packet, 1);
        Prepared p = statements.get(in.int4());
        int param = in.int2();
        if (p != null && param < p.params()) {
            if (p.longData[param] == null) {
                p.longData[param] = new ByteArrayOutputStream();
            }
            p.longData[param].writeBytes(in.rest());
        }
    }

    /** COM_STMT_RESET: forgets long data sent so far; StarRocks answers OK for any statement id. */
    void reset(byte[] packet) throws IOException {
        Prepared p = statements.get(new Payload(packet, 1).int4());
        if (p != null) {
            p.clearLongData();
        }
        replies.ok(0, 0, "");
    }

    /** COM_STMT_CLOSE: drops the statement; the client expects no answer. */
    void close(byte[] packet) {
        statements.remove(new Payload(packet, 1).int4());
    }

    int size() {
        return statements.size();
    }

    /** Whether StarRocks would prepare the statement: a query (SELECT, WITH, VALUES, or one in parentheses). */
    static boolean isQuery(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '#' || (c == '-' && sql.startsWith("-- ", i))) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else {
                break;
            }
        }
        int end = i;
        while (end < n && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
        return word.equals("SELECT") || word.equals("WITH") || word.equals("VALUES");
    }

    private static String stripTrailingNuls(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
    }
}
