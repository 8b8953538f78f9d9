package org.opora.support.roadmaps;

import java.util.Locale;

/**
 * The columns of a roadmap workbook, in the order the export writes them, with their Russian headers. An import finds
 * the columns by header (in any order, case and «ё» ignored); «№» and «Просрочено» are written for people and not read.
 */
public enum RoadmapColumn {
    NUMBER("№", 6, false),
    SECTION("Раздел", 28, false),
    TITLE("Мероприятие", 60, true),
    DEADLINE("Срок", 13, true),
    RESPONSIBLE("Ответственный", 32, true),
    PLANNED_RESULT("Планируемый результат", 45, false),
    STATUS("Статус", 16, false),
    ACTUAL_RESULT("Фактический результат", 45, false),
    OVERDUE("Просрочено", 12, false);

    private final String header;
    private final int widthChars;
    private final boolean required;

    RoadmapColumn(String header, int widthChars, boolean required) {
        this.header = header;
        this.widthChars = widthChars;
        this.required = required;
    }

    public String header() {
        return header;
    }

    /** Column width in characters (POI counts 1/256 of a character). */
    public int widthChars() {
        return widthChars;
    }

    /** A file without this column is refused. */
    public boolean required() {
        return required;
    }

    /** Headers compare without case, surrounding spaces or the difference between «е» and «ё». */
    static String normalise(String header) {
        return header.trim().replace('ё', 'е').replace('Ё', 'Е').toLowerCase(Locale.ROOT);
    }
}
