package org.opora.support.roadmaps;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reason a row of an imported roadmap file was refused: the spreadsheet row number (the header is row 1), the
 * column as its header names it, and why, in Russian.
 */
public record RowProblem(int row, String column, String reason) {

    /** The shape of {@code extensions.problems} in the API's error (as the school data import reports rows). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("row", row);
        map.put("column", column);
        map.put("reason", reason);
        return map;
    }

    @Override
    public String toString() {
        return "строка " + row + ", столбец «" + column + "»: " + reason;
    }
}
