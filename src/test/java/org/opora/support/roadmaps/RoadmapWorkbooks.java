package org.opora.support.roadmaps;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/** Workbooks written cell by cell, as a person would fill them in a spreadsheet program, for import tests. */
public final class RoadmapWorkbooks {

    private RoadmapWorkbooks() {
    }

    /** A sheet whose first row is {@code headers} and whose cells are strings, or real dates for LocalDate values. */
    public static byte[] sheet(List<String> headers, List<List<Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Лист1");
            var dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof LocalDate date) {
                        var cell = row.createCell(c);
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    } else if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final List<String> HEADERS = List.of("Раздел", "Мероприятие", "Срок", "Ответственный", "Планируемый результат",
            "Статус", "Фактический результат");

    /** A small valid roadmap of two activities, Base64-encoded (the API's import takes it so). */
    public static String sampleBase64() {
        return Base64.getEncoder().encodeToString(sheet(HEADERS, List.of(
                List.of("Методическое сопровождение", "Семинар для заместителей директоров ШНОР", LocalDate.of(2026, 3, 20),
                        "Муниципальный методический центр", "Проведён семинар, 20 участников", "Запланировано", ""),
                List.of("Мониторинг", "Анализ результатов ВПР", "15.06.2026", "Управление образования", "Аналитическая справка",
                        "В работе", ""))));
    }
}
