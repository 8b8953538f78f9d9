package org.opora.monitoring.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The dates the regional documents fix every year (the Kirov model's monitoring table: «Ежегодно до 1 ноября»,
 * «Ежегодно, март», «Ежегодно, май – июнь»). Computed for any region and year, never stored.
 */
final class DocumentDeadlines {

    private static final String PREFIX = "doc:";

    private DocumentDeadlines() {
    }

    static List<MonitoringDeadline> of(String regionId, int year) {
        return List.of(
                deadline(regionId, year, DeadlineKind.TEACHER_DIAGNOSTICS,
                        "Диагностика профессиональных дефицитов педагогов",
                        "Мониторинг по выявлению профессиональных дефицитов педагогических работников ШНОР и ШНСУ: "
                                + "у школы есть диагностика хотя бы одного педагога за год или отметка о сдаче.",
                        LocalDate.of(year, 3, 1), LocalDate.of(year, 3, 31), SubmitterLevel.SCHOOL),
                deadline(regionId, year, DeadlineKind.PARTICIPATION_MONITORING,
                        "Мониторинг участия в мероприятиях по повышению качества образования",
                        "Школы (ШНОР и ШНСУ) сдают сведения об участии в мероприятиях; сдача отмечается школой или координатором.",
                        LocalDate.of(year, 5, 1), LocalDate.of(year, 6, 30), SubmitterLevel.SCHOOL),
                deadline(regionId, year, DeadlineKind.IDENTIFICATION,
                        "Выявление ШНОР и ШНСУ",
                        "Мониторинг выявления школ с низкими образовательными результатами и школ в неблагоприятных "
                                + "социальных условиях: расчёт выявления региона за год (до 1 ноября).",
                        LocalDate.of(year, 9, 1), LocalDate.of(year, 11, 1), SubmitterLevel.REGION));
    }

    static boolean isDocumentId(String id) {
        return id.startsWith(PREFIX);
    }

    /** The document deadline behind an id of the form {@code doc:<KIND>:<year>:<regionId>}, if it is one. */
    static Optional<MonitoringDeadline> byId(String id) {
        String[] parts = id.split(":", 4);
        if (parts.length != 4 || !isDocumentId(id)) {
            return Optional.empty();
        }
        try {
            DeadlineKind kind = DeadlineKind.valueOf(parts[1]);
            int year = Integer.parseInt(parts[2]);
            return of(parts[3], year).stream().filter(d -> d.kind() == kind).findFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static MonitoringDeadline deadline(String regionId, int year, DeadlineKind kind, String title, String description,
                                               LocalDate start, LocalDate due, SubmitterLevel level) {
        return new MonitoringDeadline(PREFIX + kind.name() + ":" + year + ":" + regionId, regionId, year, kind, title,
                description, start, due, level, level == SubmitterLevel.SCHOOL, null);
    }
}
