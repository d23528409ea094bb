package dev.quarry.sandbox.load;

import dev.quarry.sandbox.engine.AppendResult.RejectedRow;
import dev.quarry.sandbox.engine.SqlError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Streaming CSV as StarRocks reads it: byte separators of any length, optional enclose and escape bytes,
 * {@code \N} for NULL, empty lines skipped, a final row delimiter optional. Holds one buffer (grown only for a
 * single row longer than it).
 */
final class CsvRowReader implements RowReader {
    private static final int BUFFER = 1 << 20;
    private static final int MAX_ROW_BYTES = 256 << 20;
    private static final int END = -1;
    private static final int NEED_MORE = -2;
    private static final int SKIP = 0;
    private static final int ROW = 1;

    private final InputStream in;
    private final byte[] sep;
    private final byte[] delim;
    private final int enclose;
    private final int escape;
    private final boolean trim;
    private final int expected;
    private final String sepText;
    private int headerRows;

    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean ended;

    private String[] fields = new String[16];
    private int fieldCount;
    private byte[] scratch = new byte[256];
    private int scratchLen;
    private int recordStart;
    private int recordEnd;

    CsvRowReader(LoadOptions options, InputStream in, int expectedFields) {
        this.in = in;
        this.sep = options.columnSeparator().bytes();
        this.delim = options.rowDelimiter().bytes();
        this.enclose = options.enclose();
        this.escape = options.escape();
        this.trim = options.trimSpace();
        this.headerRows = options.skipHeader();
        this.expected = expectedFields;
        this.sepText = new String(sep, StandardCharsets.UTF_8);
    }

    @Override
    public Chunk next(int maxRows) throws IOException, SqlError {
        if (ended) {
            return null;
        }
        List<String[]> rows = new ArrayList<>(Math.min(maxRows, 4096));
        List<RejectedRow> rejected = new ArrayList<>(0);
        while (rows.size() + rejected.size() < maxRows) {
            int r = parseRecord();
            if (r == END) {
                ended = true;
                break;
            }
            if (r == SKIP) {
                continue;
            }
            if (headerRows > 0) {
                headerRows--;
                continue;
            }
            if (fieldCount != expected) {
                // StarRocks' CSV scanner reason for a row with the wrong number of fields.
                rejected.add(new RejectedRow(
                        new String(buf, recordStart, recordEnd - recordStart, StandardCharsets.UTF_8),
                        "Value count does not match column count. Expect " + expected + ", but got " + fieldCount
                                + "."));
                continue;
            }
            rows.add(Arrays.copyOf(fields, fieldCount));
        }
        if (ended && rows.isEmpty() && rejected.isEmpty()) {
            return null;
        }
        return new Chunk(rows, new RawRows(rows, sepText), rejected);
    }

    private int parseRecord() throws IOException, SqlError {
        while (true) {
            int r = tryParse(pos);
            if (r != NEED_MORE) {
                return r;
            }
            fill();
        }
    }

    private void fill() throws IOException, SqlError {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_ROW_BYTES) {
                throw SqlError.of("a row of the CSV body is longer than " + (MAX_ROW_BYTES >> 20)
                        + " MiB: check row_delimiter and enclose");
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** 1 = matches at i, 0 = no match, NEED_MORE = the buffer ends inside a possible match. */
    private int matchAt(int i, byte[] pattern) {
        if (buf[i] != pattern[0]) {
            return 0;
        }
        int len = pattern.length;
        if (len == 1) {
            return 1;
        }
        int avail = Math.min(len, limit - i);
        for (int k = 1; k < avail; k++) {
            if (buf[i + k] != pattern[k]) {
                return 0;
            }
        }
        if (avail < len) {
            return eof ? 0 : NEED_MORE;
        }
        return 1;
    }

    private int tryParse(int start) {
        if (start >= limit) {
            return eof ? END : NEED_MORE;
        }
        fieldCount = 0;
        int i = start;
        int fieldStart = i;
        boolean dirty = false;
        boolean quoted = false;
        scratchLen = 0;
        final byte s0 = sep[0];
        final byte d0 = delim[0];
        while (true) {
            if (i >= limit) {
                if (!eof) {
                    return NEED_MORE;
                }
                finishField(fieldStart, i, dirty, quoted);
                recordStart = start;
                recordEnd = i;
                pos = i;
                return ROW;
            }
            byte b = buf[i];
            if (b == d0) {
                int m = matchAt(i, delim);
                if (m == NEED_MORE) {
                    return NEED_MORE;
                }
                if (m == 1) {
                    if (i == start) {
                        pos = i + delim.length;
                        return SKIP;
                    }
                    finishField(fieldStart, i, dirty, quoted);
                    recordStart = start;
                    recordEnd = i;
                    pos = i + delim.length;
                    return ROW;
                }
            }
            if (b == s0) {
                int m = matchAt(i, sep);
                if (m == NEED_MORE) {
                    return NEED_MORE;
                }
                if (m == 1) {
                    finishField(fieldStart, i, dirty, quoted);
                    i += sep.length;
                    fieldStart = i;
                    dirty = false;
                    quoted = false;
                    scratchLen = 0;
                    continue;
                }
            }
            int v = b & 0xff;
            if (v == enclose && !dirty && isBlankBefore(fieldStart, i)) {
                int j = i + 1;
                scratchLen = 0;
                while (true) {
                    if (j >= limit) {
                        if (!eof) {
                            return NEED_MORE;
                        }
                        break;
                    }
                    int c = buf[j] & 0xff;
                    if (c == escape && escape != enclose) {
                        if (j + 1 >= limit) {
                            if (!eof) {
                                return NEED_MORE;
                            }
                            j++;
                            break;
                        }
                        append(buf[j + 1]);
                        j += 2;
                    } else if (c == enclose) {
                        if (j + 1 >= limit && !eof) {
                            return NEED_MORE;
                        }
                        if (j + 1 < limit && (buf[j + 1] & 0xff) == enclose) {
                            append(buf[j + 1]);
                            j += 2;
                        } else {
                            j++;
                            break;
                        }
                    } else {
                        append(buf[j]);
                        j++;
                    }
                }
                dirty = true;
                quoted = true;
                i = j;
                continue;
            }
            if (v == escape) {
                if (i + 1 >= limit && !eof) {
                    return NEED_MORE;
                }
                if (!dirty) {
                    scratchLen = 0;
                    for (int k = fieldStart; k < i; k++) {
                        append(buf[k]);
                    }
                    dirty = true;
                }
                if (i + 1 < limit) {
                    append(buf[i + 1]);
                }
                i += 2;
                continue;
            }
            // After a closing enclose, spaces are dropped; anything else is kept rather than lost.
            if (dirty && !(quoted && b == ' ')) {
                append(b);
            }
            i++;
        }
    }

    private boolean isBlankBefore(int fieldStart, int i) {
        if (i == fieldStart) {
            return true;
        }
        if (!trim) {
            return false;
        }
        for (int k = fieldStart; k < i; k++) {
            if (buf[k] != ' ') {
                return false;
            }
        }
        return true;
    }

    private void append(byte b) {
        if (scratchLen == scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[scratchLen++] = b;
    }

    private void finishField(int fieldStart, int end, boolean dirty, boolean quoted) {
        String value;
        if (!quoted && isNullMarker(fieldStart, end)) {
            // An unquoted \N is NULL even when an escape byte is set: the escape must not turn it into "N".
            value = null;
        } else if (dirty) {
            value = new String(scratch, 0, scratchLen, StandardCharsets.UTF_8);
            if (trim && !quoted) {
                value = value.strip();
            }
        } else {
            int s = fieldStart;
            int e = end;
            if (trim) {
                while (s < e && buf[s] == ' ') {
                    s++;
                }
                while (e > s && buf[e - 1] == ' ') {
                    e--;
                }
            }
            value = new String(buf, s, e - s, StandardCharsets.UTF_8);
        }
        if (fieldCount == fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        fields[fieldCount++] = value;
    }

    /** CSV NULL is {@code \N} (docs/starrocks.md §1.3), blanks around it trimmed when trim_space is set. */
    private boolean isNullMarker(int fieldStart, int end) {
        int s = fieldStart;
        int e = end;
        if (trim) {
            while (s < e && buf[s] == ' ') {
                s++;
            }
            while (e > s && buf[e - 1] == ' ') {
                e--;
            }
        }
        return e - s == 2 && buf[s] == '\\' && buf[s + 1] == 'N';
    }

    /** Source text of parsed rows, rebuilt only when an error report asks for one. */
    static final class RawRows extends AbstractList<String> implements RandomAccess {
        private final List<String[]> rows;
        private final String separator;

        RawRows(List<String[]> rows, String separator) {
            this.rows = rows;
            this.separator = separator;
        }

        @Override
        public String get(int index) {
            StringBuilder sb = new StringBuilder();
            String[] row = rows.get(index);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    sb.append(separator);
                }
                sb.append(row[i] == null ? "\\N" : row[i]);
            }
            return sb.toString();
        }

        @Override
        public int size() {
            return rows.size();
        }
    }
}
