package org.opora.support.help;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.mentoring.teachers.TeacherService;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Connection;
import org.opora.school.School;
import org.opora.school.SchoolDirectory;

import java.time.LocalDate;
import java.util.UUID;

/** The methodological help log and the coverage counted from it ({@link HelpAccess} for who may do what). */
@Singleton
public class HelpService {

    static final int MAX_TOPIC = 300;
    static final int MAX_RESULT = 4000;

    private final HelpRepository repository;
    private final SchoolDirectory schools;
    private final TeacherService teachers;

    HelpService(HelpRepository repository, SchoolDirectory schools, TeacherService teachers) {
        this.repository = repository;
        this.schools = schools;
        this.teachers = teachers;
    }

    /** Help to a school, or to a teacher (then the school is the teacher's and may be omitted). */
    public record NewHelp(HelpKind kind, LocalDate date, @Nullable String schoolId, @Nullable String teacherId, String topic,
                          String result) {
    }

    public record Filter(String regionId, @Nullable String municipalityId, @Nullable String schoolId, @Nullable String teacherId,
                         @Nullable HelpKind kind, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String givenBy) {
    }

    public HelpRecord log(NewHelp in, CurrentUser user, LocalDate today) {
        if (in.kind() == null) {
            throw ApiException.badInput("kind: укажите вид помощи");
        }
        if (in.date() == null) {
            throw ApiException.badInput("date: обязательное поле не заполнено");
        }
        if (in.date().isAfter(today)) {
            throw ApiException.badInput("date: помощь ещё не оказана — дата позже сегодняшней (" + today + ")");
        }
        String topic = text(in.topic(), "topic", MAX_TOPIC);
        String result = text(in.result(), "result", MAX_RESULT);
        String schoolId = blankToNull(in.schoolId());
        String teacherId = blankToNull(in.teacherId());
        if (teacherId != null) {
            String teacherSchool = teachers.require(teacherId).schoolId();
            if (schoolId != null && !schoolId.equals(teacherSchool)) {
                throw ApiException.badInput("schoolId: педагог " + teacherId + " работает в другой школе (" + teacherSchool + ")");
            }
            schoolId = teacherSchool;
        }
        if (schoolId == null) {
            throw ApiException.badInput("schoolId: укажите школу или педагога, которым оказана помощь");
        }
        String id = schoolId;
        School school = schools.byId(id).orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, id));
        HelpAccess.requireLog(user, school.regionId(), school.municipalityId(), school.id());
        return repository.create("HLP-" + UUID.randomUUID(), in.kind(), in.date(), topic, result, school.regionId(),
                school.municipalityId(), school.id(), teacherId, user.username());
    }

    public Connection<HelpRecord> list(Filter f, CurrentUser user, Connection.Request page) {
        if (f.regionId() == null || f.regionId().isBlank()) {
            throw ApiException.badInput("filter.regionId: обязательное поле не заполнено");
        }
        if (f.from() != null && f.to() != null && f.from().isAfter(f.to())) {
            throw ApiException.badInput("filter.from: начало периода позже его конца");
        }
        boolean teacherSelf = f.teacherId() != null
                && teachers.byUsername(user.username()).map(t -> t.id().equals(f.teacherId())).orElse(false);
        // A school's or a teacher's log is judged on that school's territory (a municipal methodist names the school
        // only); the list is still narrowed by every field of the filter.
        String schoolId = f.schoolId() != null ? f.schoolId()
                : f.teacherId() == null ? null : java.util.Optional.ofNullable(teachers.teachersByIds(java.util.List.of(f.teacherId()))
                .get(f.teacherId())).map(t -> t.schoolId()).orElse(null);
        School school = schoolId == null ? null : schools.byId(schoolId).orElse(null);
        if (school != null && f.regionId().equals(school.regionId())
                && (f.municipalityId() == null || f.municipalityId().equals(school.municipalityId()))) {
            HelpAccess.requireRead(user, school.regionId(), school.municipalityId(), school.id(), teacherSelf);
        } else {
            HelpAccess.requireRead(user, f.regionId(), f.municipalityId(), f.schoolId(), teacherSelf);
        }
        return repository.list(new HelpRepository.Filter(f.regionId(), f.municipalityId(), f.schoolId(), f.teacherId(), f.kind(),
                f.from(), f.to(), blankToNull(f.givenBy())), page);
    }

    public SupportCoverage coverage(String regionId, @Nullable String municipalityId, int year, CurrentUser user) {
        if (year < 2000 || year > 2100) {
            throw ApiException.badInput("year: от 2000 до 2100, получено " + year);
        }
        HelpAccess.requireCoverage(user, regionId, municipalityId);
        return repository.coverage(regionId, municipalityId, year);
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(@Nullable String value, String field, int max) {
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
