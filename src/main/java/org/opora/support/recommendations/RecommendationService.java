package org.opora.support.recommendations;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.identification.RiskFactor;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherAccess;
import org.opora.mentoring.teachers.TeacherService;
import org.opora.mentoring.teachers.TerritoryPlace;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Connection;
import org.opora.school.School;
import org.opora.school.SchoolDirectory;
import org.opora.school.SchoolStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Addressed recommendations: issued by methodists, curators and coordinators on their territory, answered by the
 * addressee, closed by a follow-up check ({@link RecommendationStatus}, {@link RecommendationAccess}). Every method
 * takes the day it works on, so that due dates and overdue flags are tested on fixed dates.
 */
@Singleton
public class RecommendationService {

    static final int MAX_TEXT = 4000;

    private final RecommendationRepository repository;
    private final SchoolDirectory schools;
    private final TeacherService teachers;

    RecommendationService(RecommendationRepository repository, SchoolDirectory schools, TeacherService teachers) {
        this.repository = repository;
        this.schools = schools;
        this.teachers = teachers;
    }

    public record NewBasis(BasisKind kind, @Nullable SchoolStatus status, @Nullable String riskFactor, @Nullable String diagnosticId) {
    }

    public record NewRecommendation(AddresseeKind kind, @Nullable String schoolId, @Nullable String teacherId,
                                    @Nullable String municipalityId, NewBasis basis, String text, LocalDate dueDate) {
    }

    /** An addressee given by exactly one id: a school (with its parents), a teacher or a municipality. */
    public record AddresseeRef(@Nullable String schoolId, @Nullable String teacherId, @Nullable String municipalityId) {
    }

    /** The narrowing of a list: status, only overdue ones, the day «overdue» is computed on. */
    public record ListOptions(@Nullable RecommendationStatus status, boolean overdueOnly, LocalDate today) {
    }

    /** A resolved addressee and its territory. */
    private record Place(AddresseeKind kind, String regionId, @Nullable String municipalityId, @Nullable String schoolId,
                         @Nullable School school, @Nullable Teacher teacher) implements TerritoryPlace {
    }

    public Recommendation issue(NewRecommendation in, CurrentUser user, LocalDate today) {
        // Who may issue is decided on the addressee first: an outsider learns nothing from the validation of the rest.
        Place place = place(in);
        RecommendationAccess.requireIssue(user, in.kind(), place);
        String text = text(in.text(), "text", MAX_TEXT);
        if (in.dueDate() == null) {
            throw ApiException.badInput("dueDate: обязательное поле не заполнено");
        }
        if (in.dueDate().isBefore(today)) {
            throw ApiException.badInput("dueDate: срок исполнения не может быть раньше сегодняшнего дня (" + today + ")");
        }
        Recommendation.Basis basis = basis(in.basis(), place, user);
        String id = "REC-" + UUID.randomUUID();
        repository.create(new RecommendationRepository.NewRow(id, in.kind(), place.regionId(), place.municipalityId(),
                place.schoolId(), place.teacher() == null ? null : place.teacher().id(), basis, text, in.dueDate(), user.username()));
        return repository.find(id, today).orElseThrow();
    }

    public Recommendation answer(String id, String answer, CurrentUser user, LocalDate today) {
        Recommendation r = require(id, today);
        RecommendationAccess.requireAnswer(user, r, isTeacherSelf(user, r));
        String text = text(answer, "text", MAX_TEXT);
        r.status().requireAnswerable();
        if (!repository.answer(id, text, user.username())) {
            throw ApiException.conflict("Рекомендация изменилась, пока вы отвечали: обновите страницу");
        }
        return require(id, today);
    }

    public Recommendation close(String id, CheckOutcome outcome, @Nullable String comment, CurrentUser user, LocalDate today) {
        Recommendation r = require(id, today);
        RecommendationAccess.requireCheck(user, r);
        if (outcome == null) {
            throw ApiException.badInput("outcome: укажите итог проверки");
        }
        String note = comment == null || comment.isBlank() ? null : text(comment, "comment", MAX_TEXT);
        r.status().requireClosable(r.dueDate(), today);
        if (!repository.close(id, r.status(), outcome, note, user.username(), today)) {
            throw ApiException.conflict("Рекомендация изменилась, пока вы её проверяли: обновите страницу");
        }
        return require(id, today);
    }

    /** One recommendation; null when there is none; FORBIDDEN for callers who may not read it. */
    @Nullable
    public Recommendation recommendation(String id, CurrentUser user, LocalDate today) {
        Recommendation r = repository.find(id, today).orElse(null);
        if (r != null && !r.issuedBy().equals(user.username())
                && !RecommendationAccess.canRead(user, r.addresseeKind(), r, isTeacherSelf(user, r))) {
            throw ApiException.forbidden("Нет доступа к этой рекомендации");
        }
        return r;
    }

    /** Recommendations received by one addressee, newest first. */
    public Connection<Recommendation> received(AddresseeRef ref, ListOptions options, CurrentUser user, Connection.Request page) {
        int given = (ref.schoolId() == null ? 0 : 1) + (ref.teacherId() == null ? 0 : 1) + (ref.municipalityId() == null ? 0 : 1);
        if (given != 1) {
            throw ApiException.badInput("addressee: укажите ровно одно из полей schoolId, teacherId, municipalityId");
        }
        AddresseeKind kind = ref.schoolId() != null ? AddresseeKind.SCHOOL
                : ref.teacherId() != null ? AddresseeKind.TEACHER : AddresseeKind.MUNICIPALITY;
        Place place = place(new NewRecommendation(kind, ref.schoolId(), ref.teacherId(), ref.municipalityId(), null, null, null));
        boolean self = place.teacher() != null && TeacherAccess.isSelf(user, place.teacher());
        RecommendationAccess.requireRead(user, kind, place, self);
        return repository.list(new RecommendationRepository.ListFilter(ref.schoolId(), ref.teacherId(), ref.municipalityId(),
                null, null, null, null, options.status(), options.overdueOnly(), options.today()), page);
    }

    /**
     * Recommendations given by an issuer (the caller when null), newest first, within the caller's territory: a
     * colleague sees another issuer's recommendations only on their own territory.
     */
    public Connection<Recommendation> given(@Nullable String issuedBy, ListOptions options, CurrentUser user, Connection.Request page) {
        if (!RecommendationAccess.hasIssuingRole(user)) {
            throw ApiException.forbidden("Недостаточно прав: списки выданных рекомендаций ведут методисты, кураторы и координаторы");
        }
        String issuer = issuedBy == null || issuedBy.isBlank() ? user.username() : issuedBy.strip();
        boolean everywhere = user.isAdmin();
        return repository.list(new RecommendationRepository.ListFilter(null, null, null, issuer,
                everywhere ? null : user.scope().regionId(), everywhere ? null : user.scope().municipalityId(),
                everywhere ? null : user.scope().schoolId(), options.status(), options.overdueOnly(), options.today()), page);
    }

    /** What the caller may do with the recommendation on the day. */
    public List<RecommendationAction> allowedActions(Recommendation r, CurrentUser user, LocalDate today) {
        List<RecommendationAction> actions = new ArrayList<>();
        if (r.status().answerable() && RecommendationAccess.canAnswer(user, r, isTeacherSelf(user, r))) {
            actions.add(RecommendationAction.ANSWER);
        }
        if (r.status().closable(r.dueDate(), today) && RecommendationAccess.canCheck(user, r)) {
            actions.add(RecommendationAction.CLOSE);
        }
        return actions;
    }

    /** Whether the caller is the teacher a recommendation is addressed to. */
    public boolean isTeacherSelf(CurrentUser user, Recommendation r) {
        if (r.addresseeKind() != AddresseeKind.TEACHER || r.teacherId() == null) {
            return false;
        }
        return teachers.byUsername(user.username()).map(t -> t.id().equals(r.teacherId())).orElse(false);
    }

    private Recommendation require(String id, LocalDate today) {
        return repository.find(id, today).orElseThrow(() -> ApiException.notFound("Рекомендация", ApiException.Gender.FEMININE, id));
    }

    private Place place(NewRecommendation in) {
        if (in.kind() == null) {
            throw ApiException.badInput("addresseeKind: обязательное поле не заполнено");
        }
        return switch (in.kind()) {
            case SCHOOL, PARENTS -> {
                String id = required(in.schoolId(), "schoolId", "школу-адресата");
                School school = schools.byId(id).orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, id));
                yield new Place(in.kind(), school.regionId(), school.municipalityId(), school.id(), school, null);
            }
            case TEACHER -> {
                String id = required(in.teacherId(), "teacherId", "педагога-адресата");
                Teacher teacher = teachers.require(id);
                yield new Place(in.kind(), teacher.regionId(), teacher.municipalityId(), teacher.schoolId(),
                        schools.byId(teacher.schoolId()).orElse(null), teacher);
            }
            case MUNICIPALITY -> {
                String id = required(in.municipalityId(), "municipalityId", "муниципалитет-адресат");
                RecommendationRepository.MunicipalityPlace m = repository.municipality(id)
                        .orElseThrow(() -> ApiException.notFound("Муниципалитет", ApiException.Gender.MASCULINE, id));
                yield new Place(in.kind(), m.regionId(), m.id(), null, null, null);
            }
        };
    }

    private Recommendation.Basis basis(NewBasis in, Place place, CurrentUser user) {
        if (in == null || in.kind() == null) {
            throw ApiException.badInput("basis.kind: укажите основание рекомендации (статус, фактор риска или диагностика)");
        }
        return switch (in.kind()) {
            case STATUS -> {
                if (in.status() == null) {
                    throw ApiException.badInput("basis.status: укажите статус школы, на котором основана рекомендация");
                }
                boolean holds = place.school() != null
                        ? place.school().currentStatuses().contains(in.status().name())
                        : place.municipalityId() != null && repository.schoolsWithStatus(place.municipalityId(), in.status()) > 0;
                if (!holds) {
                    throw ApiException.badInput("basis.status: " + (place.school() != null ? "у школы нет статуса «"
                            : "ни у одной школы муниципалитета нет статуса «") + in.status().label() + "»");
                }
                yield new Recommendation.Basis(BasisKind.STATUS, in.status(), null, null, null, null);
            }
            case RISK_FACTOR -> {
                String name = in.riskFactor() == null ? "" : in.riskFactor().strip();
                RiskFactor factor = java.util.Arrays.stream(RiskFactor.values()).filter(f -> f.name().equals(name)).findFirst()
                        .orElseThrow(() -> ApiException.badInput("basis.riskFactor: неизвестный фактор риска «" + name + "»"));
                yield new Recommendation.Basis(BasisKind.RISK_FACTOR, null, factor, null, null, null);
            }
            case DIAGNOSTIC -> {
                if (place.teacher() == null) {
                    throw ApiException.badInput("basis.kind: диагностика может быть основанием только рекомендации педагогу");
                }
                String id = required(in.diagnosticId(), "basis.diagnosticId", "диагностику");
                String owner = repository.diagnosticTeacher(id)
                        .orElseThrow(() -> ApiException.notFound("Диагностика", ApiException.Gender.FEMININE, id));
                if (!owner.equals(place.teacher().id())) {
                    throw ApiException.badInput("basis.diagnosticId: диагностика относится к другому педагогу");
                }
                TeacherAccess.requireReadDiagnostics(user, place.teacher());
                yield new Recommendation.Basis(BasisKind.DIAGNOSTIC, null, null, id, null, place.teacher().id());
            }
        };
    }

    private static String required(@Nullable String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw ApiException.badInput(field + ": укажите " + what);
        }
        return value.strip();
    }

    static String text(@Nullable String value, String field, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw ApiException.badInput(field + ": обязательное поле не заполнено");
        }
        if (text.length() > max) {
            throw ApiException.badInput(field + ": не длиннее " + max + " символов, получено " + text.length());
        }
        return text;
    }
}
