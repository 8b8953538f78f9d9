package org.opora.platform.csv;

import io.micronaut.core.annotation.Nullable;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma separated, fields optionally enclosed in double quotes, a
 * doubled quote inside quotes stands for one quote, quoted fields may span lines. Lines may end
 * with CRLF or LF; a UTF-8 byte order mark at the start is skipped (spreadsheets write one).
 * <p>
 * It never gives up on a malformed record: the record comes back with a {@link Record#problem()}
 * so that a validator can report it and go on with the next one, which is what lets an import
 * list every error of a file at once.
 */
public final class CsvReader implements Closeable {

    /** Guards memory against a stray quote swallowing a huge file into one field. */
    static final int MAX_RECORD_CHARS = 1_000_000;

    /**
     * One record. {@code number} counts records from 1 (the header), as a spreadsheet numbers its
     * rows; it differs from the line number only when a quoted field contains line breaks.
     */
    public record Record(long number, List<String> fields, @Nullable String problem) {

        /** An empty line: tolerated and skipped by validators. */
        public boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isEmpty() && problem == null;
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int length;
    private int position;
    private long recordNumber;
    private boolean started;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of the input. */
    @Nullable
    public Record next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                read();
            }
        }
        if (peek() == EOF) {
            return null;
        }
        recordNumber++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String problem = null;
        int recordChars = 0;
        boolean quoted = false;        // inside an opened quote
        boolean afterQuote = false;    // the quote of this field has been closed
        while (true) {
            int c = read();
            if (c == EOF) {
                if (quoted) {
                    problem = first(problem, "незакрытая кавычка: поле начинается с \" и не закрыто до конца файла");
                }
                fields.add(field.toString());
                return new Record(recordNumber, fields, problem);
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        recordChars = append(field, '"', recordChars);
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    recordChars = append(field, (char) c, recordChars);
                }
                continue;
            }
            switch (c) {
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && peek() == '\n') {
                        read();
                    }
                    fields.add(field.toString());
                    return new Record(recordNumber, fields, problem);
                }
                case '"' -> {
                    if (field.length() == 0 && !afterQuote) {
                        quoted = true;
                    } else {
                        problem = first(problem, "кавычка внутри поля: поле с кавычками должно целиком быть в кавычках, а кавычка внутри — удвоена");
                        recordChars = append(field, '"', recordChars);
                    }
                }
                default -> {
                    if (afterQuote) {
                        problem = first(problem, "после закрывающей кавычки ожидалась запятая или конец строки");
                        afterQuote = false;
                    }
                    recordChars = append(field, (char) c, recordChars);
                }
            }
            if (recordChars > MAX_RECORD_CHARS) {
                problem = first(problem, "запись длиннее " + MAX_RECORD_CHARS + " символов (вероятно, незакрытая кавычка)");
            }
        }
    }

    private static int append(StringBuilder field, char c, int recordChars) {
        if (recordChars <= MAX_RECORD_CHARS) {
            field.append(c);
        }
        return recordChars + 1;
    }

    private static String first(@Nullable String existing, String problem) {
        return existing != null ? existing : problem;
    }

    private int peek() throws IOException {
        if (position == length && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        if (position == length && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        length = n;
        position = 0;
        return true;
    }

    /** Records read so far, the header included. */
    public long recordNumber() {
        return recordNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
