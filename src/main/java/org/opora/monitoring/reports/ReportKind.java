package org.opora.monitoring.reports;

import java.util.Arrays;
import java.util.Optional;

/** The справки, by the slug of their download URL ({@code /api/reports/{slug}.{format}}) and GraphQL enum name. */
public enum ReportKind {
    REGIONAL("regional", "Справка по итогам мониторинга (регион)", "Справка_мониторинг_региона"),
    MUNICIPAL("municipal", "Справка по итогам мониторинга (муниципалитет)", "Справка_мониторинг_муниципалитета"),
    SCHOOL_CARD("school-card", "Карточка школы", "Карточка_школы"),
    STATUS_CHANGES("status-changes", "Школы, вошедшие в список ШНОР/ШНСУ и вышедшие из него", "Вход_и_выход_ШНОР_ШНСУ");

    private final String slug;
    private final String title;
    private final String filePrefix;

    ReportKind(String slug, String title, String filePrefix) {
        this.slug = slug;
        this.title = title;
        this.filePrefix = filePrefix;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    String filePrefix() {
        return filePrefix;
    }

    public static Optional<ReportKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
