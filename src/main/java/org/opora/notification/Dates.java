package org.opora.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates in notification texts as Russian readers write them. */
final class Dates {

    private static final DateTimeFormatter RU = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private Dates() {
    }

    static String ru(LocalDate date) {
        return date.format(RU);
    }
}
