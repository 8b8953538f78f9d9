package org.opora.platform.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 records: fields containing a comma, a quote or a line break are quoted and their
 * quotes doubled. Lines end with LF (readers accept LF and CRLF), which keeps generated files
 * byte-identical across operating systems.
 */
public final class CsvWriter implements Closeable {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void write(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write('\n');
    }

    public void write(String... fields) throws IOException {
        write(List.of(fields));
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
