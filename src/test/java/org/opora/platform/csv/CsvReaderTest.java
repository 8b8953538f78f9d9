package org.opora.platform.csv;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderTest {

    private static List<CsvReader.Record> read(String text) throws IOException {
        List<CsvReader.Record> records = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new StringReader(text))) {
            for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void readsPlainAndQuotedFieldsPerRfc4180() throws IOException {
        List<CsvReader.Record> records = read("a,b,c\r\n"
                + "1,\"МБОУ \"\"СОШ № 12\"\" г. Северогорска\",\"x, y\"\r\n"
                + "2,\"two\nlines\",\n"
                + "3,,\"\"");
        assertThat(records).extracting(CsvReader.Record::fields).containsExactly(
                List.of("a", "b", "c"),
                List.of("1", "МБОУ \"СОШ № 12\" г. Северогорска", "x, y"),
                List.of("2", "two\nlines", ""),
                List.of("3", "", ""));
        assertThat(records).extracting(CsvReader.Record::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(records).allMatch(r -> r.problem() == null);
    }

    @Test
    void skipsByteOrderMarkAndKeepsBlankLinesCountable() throws IOException {
        List<CsvReader.Record> records = read("\uFEFFschool_id,year\n\nS1,2024\n");
        assertThat(records.get(0).fields()).containsExactly("school_id", "year");
        assertThat(records.get(1).isBlank()).isTrue();
        assertThat(records.get(2).number()).isEqualTo(3);
        assertThat(records).hasSize(3);
    }

    @Test
    void reportsStrayQuoteAndGoesOnWithTheNextRecord() throws IOException {
        List<CsvReader.Record> records = read("a,b\nx\"y,1\n\"ok\"z,2\n3,4\n");
        assertThat(records.get(1).problem()).contains("кавычка внутри поля");
        assertThat(records.get(2).problem()).contains("после закрывающей кавычки");
        assertThat(records.get(3).fields()).containsExactly("3", "4");
        assertThat(records.get(3).problem()).isNull();
    }

    @Test
    void reportsUnclosedQuoteAtEndOfFile() throws IOException {
        List<CsvReader.Record> records = read("a,b\n1,\"never closed\n2,3\n");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).problem()).contains("незакрытая кавычка");
    }

    @Test
    void writerQuotesOnlyWhatNeedsIt() throws IOException {
        StringWriter text = new StringWriter();
        try (CsvWriter writer = new CsvWriter(text)) {
            writer.write("plain", "a,b", "say \"hi\"", "two\nlines", "");
        }
        assertThat(text.toString()).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
        assertThat(read(text.toString()).get(0).fields()).containsExactly("plain", "a,b", "say \"hi\"", "two\nlines", "");
    }
}
