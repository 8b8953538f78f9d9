package org.opora.support.recommendations;

import io.micronaut.core.annotation.Nullable;
import org.opora.identification.RiskFactor;
import org.opora.mentoring.teachers.TerritoryPlace;
import org.opora.school.SchoolStatus;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * An addressed recommendation (адресная рекомендация). Its territory (region, municipality, school) is the
 * addressee's: a school's, a teacher's school's, or the municipality's (school null). {@code overdue} is computed on
 * the day the caller asked about ({@code asOf}, today by default).
 */
public record Recommendation(String id,
                             AddresseeKind addresseeKind,
                             String regionId,
                             @Nullable String municipalityId,
                             @Nullable String municipalityName,
                             @Nullable String schoolId,
                             @Nullable String teacherId,
                             Basis basis,
                             String text,
                             LocalDate dueDate,
                             RecommendationStatus status,
                             String issuedBy,
                             String issuerName,
                             ZonedDateTime issuedAt,
                             @Nullable Response response,
                             @Nullable Check check,
                             boolean overdue) implements TerritoryPlace {

    /**
     * What the recommendation rests on; exactly the field of its kind is set. {@code teacherId} (the addressee of a
     * diagnostic basis) lets the diagnostic's access check decide without another query.
     */
    public record Basis(BasisKind kind, @Nullable SchoolStatus status, @Nullable RiskFactor riskFactor,
                        @Nullable String diagnosticId, @Nullable LocalDate diagnosticDate, @Nullable String teacherId) {

        public String label() {
            return switch (kind) {
                case STATUS -> "Статус: " + status.label();
                case RISK_FACTOR -> "Фактор риска: " + riskFactor.label();
                case DIAGNOSTIC -> "Диагностика профессиональных дефицитов" + (diagnosticDate == null ? "" : " от " + diagnosticDate);
            };
        }

        @Nullable
        public String riskFactorName() {
            return riskFactor == null ? null : riskFactor.name();
        }
    }

    /** The addressee's answer. */
    public record Response(String text, String answeredBy, String answeredByName, ZonedDateTime answeredAt) {
    }

    /** The follow-up check that closed it. */
    public record Check(CheckOutcome outcome, @Nullable String comment, String checkedBy, String checkedByName,
                        LocalDate checkedOn) {

        public String outcomeLabel() {
            return outcome.label();
        }
    }

    public String statusLabel() {
        return status.label();
    }

    public String addresseeLabel() {
        return addresseeKind.label();
    }
}
