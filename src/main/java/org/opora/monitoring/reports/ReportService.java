package org.opora.monitoring.reports;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The справки on demand: checks the caller's right to the territory, resolves it, builds the document and writes it
 * as PDF or XLSX; and lists the справки a caller may download for a territory and year, with their URLs.
 */
@Singleton
public class ReportService {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final ReportRepository repository;
    private final ReportBuilder builder;

    ReportService(ReportRepository repository, ReportBuilder builder) {
        this.repository = repository;
        this.builder = builder;
    }

    /** A written справка: the bytes, their content type and the Russian file name. */
    public record ReportFile(byte[] content, String contentType, String fileName) {
    }

    /** One справка a caller may download (GraphQL MonitoringReport). */
    public record AvailableReport(ReportKind kind, ReportFormat format, String title, String url, String fileName) {
    }

    /** {@code asOf}: the day overdue measures and recommendations are judged on (today; the year's end for a past year). */
    public ReportFile generate(CurrentUser user, ReportRequest request, ReportFormat format, LocalDate today) {
        ReportBuilder.Target target = resolve(user, request, today);
        ReportDocument document = builder.build(target);
        byte[] content = format == ReportFormat.PDF ? PdfReportWriter.write(document) : XlsxReportWriter.write(document);
        return new ReportFile(content, format.contentType(), fileName(target, format));
    }

    /**
     * The справки of the territory the caller may download: a region's regional справка and status changes, a
     * municipality's municipal справка and status changes, a school's card; each in PDF and XLSX. FORBIDDEN when the
     * caller may download none of them.
     */
    public List<AvailableReport> available(CurrentUser user, String regionId, @Nullable String municipalityId,
                                           @Nullable String schoolId, int year, LocalDate today) {
        List<ReportKind> kinds = schoolId != null ? List.of(ReportKind.SCHOOL_CARD)
                : municipalityId != null ? List.of(ReportKind.MUNICIPAL, ReportKind.STATUS_CHANGES)
                : List.of(ReportKind.REGIONAL, ReportKind.STATUS_CHANGES);
        List<AvailableReport> reports = new ArrayList<>();
        for (ReportKind kind : kinds) {
            ReportRequest request = new ReportRequest(kind, regionId, municipalityId, schoolId, year);
            ReportBuilder.Target target = resolve(user, request, today);
            for (ReportFormat format : ReportFormat.values()) {
                reports.add(new AvailableReport(kind, format, kind.title(), url(request, format), fileName(target, format)));
            }
        }
        return reports;
    }

    static String url(ReportRequest request, ReportFormat format) {
        StringBuilder url = new StringBuilder("/api/reports/").append(request.kind().slug()).append('.').append(format.extension())
                .append("?regionId=").append(encode(request.regionId()));
        if (request.municipalityId() != null) {
            url.append("&municipalityId=").append(encode(request.municipalityId()));
        }
        if (request.schoolId() != null) {
            url.append("&schoolId=").append(encode(request.schoolId()));
        }
        return url.append("&year=").append(request.year()).toString();
    }

    /** Checks the request's shape, then the caller's right, then that the territory exists (so outsiders learn nothing). */
    private ReportBuilder.Target resolve(CurrentUser user, ReportRequest request, LocalDate today) {
        ReportKind kind = request.kind();
        if (request.regionId() == null || request.regionId().isBlank()) {
            throw ApiException.badInput("regionId: не указан регион");
        }
        if (request.year() < FIRST_YEAR || request.year() > LAST_YEAR) {
            throw ApiException.badInput("year: год должен быть от " + FIRST_YEAR + " до " + LAST_YEAR + ", а указан " + request.year());
        }
        switch (kind) {
            case REGIONAL -> {
                if (request.municipalityId() != null || request.schoolId() != null) {
                    throw ApiException.badInput("municipalityId: региональная справка составляется по всему региону; "
                            + "для муниципалитета выберите муниципальную справку");
                }
            }
            case MUNICIPAL -> {
                if (request.municipalityId() == null) {
                    throw ApiException.badInput("municipalityId: для муниципальной справки нужен муниципалитет");
                }
                if (request.schoolId() != null) {
                    throw ApiException.badInput("schoolId: муниципальная справка составляется по всему муниципалитету");
                }
            }
            case SCHOOL_CARD -> {
                if (request.schoolId() == null) {
                    throw ApiException.badInput("schoolId: для карточки школы нужна школа");
                }
            }
            case STATUS_CHANGES -> {
                if (request.schoolId() != null) {
                    throw ApiException.badInput("schoolId: список входа и выхода составляется по региону или муниципалитету");
                }
            }
        }
        ReportFacts.TerritoryNames names = repository.names(request.regionId(), request.municipalityId(), request.schoolId())
                .orElse(null);
        // A school is judged in its own municipality, whatever the request says about it.
        String municipality = names != null && names.school() != null ? names.school().municipalityId() : request.municipalityId();
        if (!ReportAccess.mayRead(user, kind, request.regionId(), municipality, request.schoolId())) {
            throw ApiException.forbidden("Недостаточно прав: справка «" + kind.title() + "» этой территории вам недоступна");
        }
        if (names == null) {
            throw ApiException.notFound("Регион", ApiException.Gender.MASCULINE, request.regionId());
        }
        if (request.schoolId() != null && names.school() == null) {
            throw ApiException.notFound("Школа", ApiException.Gender.FEMININE, request.schoolId());
        }
        if (request.schoolId() != null && request.municipalityId() != null
                && !request.municipalityId().equals(names.school().municipalityId())) {
            throw ApiException.badInput("schoolId: школа " + request.schoolId() + " не относится к муниципалитету " + request.municipalityId());
        }
        if (request.schoolId() == null && request.municipalityId() != null && names.municipalityName() == null) {
            throw ApiException.notFound("Муниципалитет", ApiException.Gender.MASCULINE, request.municipalityId());
        }
        LocalDate yearEnd = LocalDate.of(request.year(), 12, 31);
        return new ReportBuilder.Target(request, names, today.isAfter(yearEnd) ? yearEnd : today);
    }

    private static String fileName(ReportBuilder.Target target, ReportFormat format) {
        String territory = target.names().school() != null ? target.names().school().name()
                : target.names().municipalityName() != null ? target.names().municipalityName() : target.names().regionName();
        String name = target.request().kind().filePrefix() + "_" + territory + "_" + target.year();
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").replaceAll("\\s+", "_") + "." + format.extension();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
