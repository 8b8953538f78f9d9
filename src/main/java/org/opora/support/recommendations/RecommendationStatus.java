package org.opora.support.recommendations;

import org.opora.platform.errors.ApiException;

import java.time.LocalDate;

/**
 * The life cycle ISSUED → ANSWERED → CLOSED. A follow-up check closes an answered recommendation, or an unanswered
 * one once its due date has passed (the addressee did not answer: the check records that). Every other move is
 * refused with CONFLICT.
 */
public enum RecommendationStatus {
    ISSUED("Выдана"),
    ANSWERED("Получен ответ"),
    CLOSED("Закрыта");

    private final String label;

    RecommendationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Overdue: the due date has passed and the follow-up check has not closed it yet. */
    public static boolean overdue(RecommendationStatus status, LocalDate dueDate, LocalDate today) {
        return status != CLOSED && dueDate.isBefore(today);
    }

    /** Only an issued recommendation takes an answer. */
    public void requireAnswerable() {
        switch (this) {
            case ISSUED -> { }
            case ANSWERED -> throw ApiException.conflict("На рекомендацию уже дан ответ");
            case CLOSED -> throw ApiException.conflict("Рекомендация закрыта: ответить на неё нельзя");
        }
    }

    /** An answered recommendation may be closed; an issued one only after its due date. */
    public void requireClosable(LocalDate dueDate, LocalDate today) {
        switch (this) {
            case ANSWERED -> { }
            case ISSUED -> {
                if (!dueDate.isBefore(today)) {
                    throw ApiException.conflict("Рекомендация ещё ждёт ответа адресата: без ответа её можно закрыть "
                            + "только после срока исполнения (" + dueDate + ")");
                }
            }
            case CLOSED -> throw ApiException.conflict("Рекомендация уже закрыта");
        }
    }

    public boolean answerable() {
        return this == ISSUED;
    }

    public boolean closable(LocalDate dueDate, LocalDate today) {
        return this == ANSWERED || (this == ISSUED && dueDate.isBefore(today));
    }
}
