package org.opora.practice;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The practice bank's rules: validation, the review workflow and who may do what ({@link PracticeAccess}).
 * Every write goes to Neo4j (with its outbox entry in the same transaction) and then asks for indexing without
 * depending on it: a write succeeds whether or not Elasticsearch is up.
 */
@Singleton
public class PracticeService {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 2_000;
    static final int MAX_TEXT = 30_000;
    static final int MAX_LIST = 30;

    private final PracticeRepository repository;
    private final PracticeViews views;
    private final ApplicationEventPublisher<PracticeChanged> changes;

    public PracticeService(PracticeRepository repository, PracticeViews views, ApplicationEventPublisher<PracticeChanged> changes) {
        this.repository = repository;
        this.views = views;
        this.changes = changes;
    }

    /** The practice if the caller may see it; NOT_FOUND otherwise (no hint that a hidden draft exists). */
    public PracticeView get(CurrentUser user, String id) {
        PracticeView practice = views.find(id).orElseThrow(() -> ApiException.notFound("Практика", ApiException.Gender.FEMININE, id));
        if (!PracticeAccess.canView(user, practice)) {
            throw ApiException.notFound("Практика", ApiException.Gender.FEMININE, id);
        }
        return practice;
    }

    public PracticeView create(CurrentUser user, PracticeInput input) {
        PracticeInput clean = validate(input);
        String schoolId = clean.authorSchoolId() != null ? clean.authorSchoolId() : user.scope().schoolId();
        if (schoolId == null) {
            throw ApiException.badInput("input.authorSchoolId: укажите школу-автора практики");
        }
        SchoolRef school = authorSchool(user, schoolId);
        String id = "PR-" + UUID.randomUUID();
        repository.create(id, clean, school, user.username());
        changes.publishEvent(new PracticeChanged());
        return views.find(id).orElseThrow();
    }

    public PracticeView update(CurrentUser user, String id, PracticeInput input, Long expectedVersion) {
        PracticeView current = get(user, id);
        if (!PracticeAccess.canEdit(user, current)) {
            throw ApiException.forbidden(current.statusEnum() == PracticeStatus.DRAFT || current.statusEnum() == PracticeStatus.REJECTED
                    ? "Изменять черновик может только его автор или администратор школы-автора"
                    : "Практику в статусе «" + current.statusEnum().label() + "» может изменить только методист или координатор");
        }
        PracticeInput clean = validate(input);
        String schoolId = clean.authorSchoolId() != null ? clean.authorSchoolId()
                : current.authorSchool() != null ? current.authorSchool().id() : null;
        if (schoolId == null) {
            throw ApiException.badInput("input.authorSchoolId: укажите школу-автора практики");
        }
        SchoolRef school = current.authorSchool() != null && schoolId.equals(current.authorSchool().id())
                ? repository.findSchool(schoolId).orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, schoolId))
                : authorSchool(user, schoolId);
        if (!repository.update(id, clean, school, expectedVersion)) {
            throw ApiException.conflict("Практику уже изменили (ожидалась версия " + expectedVersion
                    + "); обновите страницу и повторите");
        }
        changes.publishEvent(new PracticeChanged());
        return views.find(id).orElseThrow();
    }

    public PracticeView submit(CurrentUser user, String id) {
        PracticeView current = get(user, id);
        if (!PracticeAccess.canSubmit(user, current)) {
            throw ApiException.forbidden("Отправить практику на рассмотрение может только её автор");
        }
        requireStatus(current, Set.of(PracticeStatus.DRAFT, PracticeStatus.REJECTED), "отправить на рассмотрение");
        List<String> problems = completeness(current);
        if (!problems.isEmpty()) {
            throw ApiException.badInput("Практика не готова к рассмотрению: " + String.join("; ", problems), problems);
        }
        Map<String, Object> extra = new HashMap<>();
        extra.put("submittedAt", ZonedDateTime.now());
        extra.put("rejectionReason", null);
        return transition(id, Set.of(PracticeStatus.DRAFT, PracticeStatus.REJECTED), PracticeStatus.SUBMITTED, extra, false);
    }

    public PracticeView approve(CurrentUser user, String id) {
        PracticeView current = reviewable(user, id);
        Map<String, Object> extra = new HashMap<>();
        extra.put("reviewedBy", user.username());
        extra.put("reviewedAt", ZonedDateTime.now());
        extra.put("rejectionReason", null);
        return transition(id, Set.of(PracticeStatus.SUBMITTED), PracticeStatus.APPROVED, extra, true);
    }

    public PracticeView reject(CurrentUser user, String id, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 5 || why.length() > MAX_SUMMARY) {
            throw ApiException.badInput("reason: укажите причину отклонения (от 5 до " + MAX_SUMMARY + " символов)");
        }
        reviewable(user, id);
        Map<String, Object> extra = new HashMap<>();
        extra.put("reviewedBy", user.username());
        extra.put("reviewedAt", ZonedDateTime.now());
        extra.put("rejectionReason", why);
        return transition(id, Set.of(PracticeStatus.SUBMITTED), PracticeStatus.REJECTED, extra, false);
    }

    public boolean delete(CurrentUser user, String id) {
        PracticeView current = get(user, id);
        if (!PracticeAccess.canDelete(user, current)) {
            throw ApiException.forbidden("Удалить можно только свой черновик или отклонённую практику");
        }
        boolean deleted = repository.delete(id);
        changes.publishEvent(new PracticeChanged());
        return deleted;
    }

    public AdoptionView recordAdoption(CurrentUser user, String practiceId, String schoolId, LocalDate date, String note) {
        PracticeView practice = get(user, practiceId);
        if (practice.statusEnum() != PracticeStatus.APPROVED) {
            throw ApiException.conflict("Отметить внедрение можно только для одобренной практики");
        }
        SchoolRef school = repository.findSchool(schoolId).orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, schoolId));
        boolean covered = user.scope().covers(school.regionId(), school.municipalityId(), school.id());
        boolean allowed = user.isAdmin() || (covered && user.hasAny(Role.SCHOOL_ADMIN, Role.METHODIST, Role.CURATOR,
                Role.MUNICIPAL_COORDINATOR, Role.REGIONAL_COORDINATOR))
                || (covered && user.has(Role.TEACHER) && teachesAt(user, schoolId));
        if (!allowed) {
            throw ApiException.forbidden("Отметить внедрение может педагог этой школы, её администрация, методист, куратор "
                    + "или координатор её территории");
        }
        if (date == null || date.isAfter(LocalDate.now()) || date.getYear() < 2000) {
            throw ApiException.badInput("date: дата внедрения не может быть в будущем или раньше 2000 года");
        }
        String cleanNote = note == null || note.isBlank() ? null : limit(note.strip(), MAX_SUMMARY, "note");
        repository.recordAdoption(practiceId, schoolId, date, cleanNote, user.username());
        changes.publishEvent(new PracticeChanged());
        return adoptions(practiceId).stream().filter(a -> a.school().id().equals(schoolId)).findFirst().orElseThrow();
    }

    /** A teacher speaks for their school only when their login is linked to a teacher record of that school. */
    private boolean teachesAt(CurrentUser user, String schoolId) {
        return repository.linkedTeacherSchool(user.username()).map(schoolId::equals).orElse(false);
    }

    /** Adoptions of a practice with the outcome of each (results before and after). */
    public List<AdoptionView> adoptions(String practiceId) {
        List<AdoptionView> adoptions = adoptionsOf(List.of(practiceId)).get(practiceId);
        if (adoptions == null) {
            throw ApiException.notFound("Практика", ApiException.Gender.FEMININE, practiceId);
        }
        return adoptions;
    }

    /** Adoptions of several practices in two queries (for a page of practices); unknown ids are absent. */
    public Map<String, List<AdoptionView>> adoptionsOf(Collection<String> practiceIds) {
        List<StoredPractice> practices = repository.findAll(practiceIds);
        Set<String> schools = new LinkedHashSet<>();
        practices.forEach(p -> p.adoptions().forEach(a -> schools.add(a.school().id())));
        Map<String, List<ResultPoint>> results = repository.results(schools);
        Map<String, List<AdoptionView>> byPractice = new HashMap<>();
        for (StoredPractice stored : practices) {
            List<String> subjects = PracticeDocuments.view(stored, Map.of(), views.minImprovement()).subjects();
            List<AdoptionView> adoptions = new ArrayList<>();
            for (StoredPractice.Adoption a : stored.adoptions()) {
                adoptions.add(new AdoptionView(a.school(), a.date() == null ? null : a.date().toString(), a.note(),
                        OutcomeCalculator.outcome(results.getOrDefault(a.school().id(), List.of()), a.date(), subjects,
                                views.minImprovement()).orElse(null), null));
            }
            byPractice.put((String) stored.properties().get("id"), adoptions);
        }
        return byPractice;
    }

    // -------------------------------------------------------------------------------------------------------------
    // Bookmarks: anyone signed in, on the practices they may see (others are NOT_FOUND, as in get); only their own.

    public PracticeView bookmark(CurrentUser user, String id) {
        PracticeView practice = get(user, id);
        if (!repository.bookmark(user.username(), id)) {
            throw ApiException.forbidden("Закладки доступны только зарегистрированным пользователям");
        }
        return practice;
    }

    public PracticeView unbookmark(CurrentUser user, String id) {
        PracticeView practice = get(user, id);
        repository.unbookmark(user.username(), id);
        return practice;
    }

    /** The caller's bookmarks that they may still see (a bookmarked practice can be sent back to review). */
    public List<PracticeView> bookmarks(CurrentUser user) {
        return visible(user, repository.bookmarks(user.username()));
    }

    /** The caller's practices approved or rejected since the given moment, newest first. */
    public List<PracticeView> reviewedSince(CurrentUser user, ZonedDateTime since) {
        return visible(user, repository.reviewedSince(user.username(), since));
    }

    /** Submitted practices the caller may decide on (their territory, not their own), oldest first; empty for non-reviewers. */
    public List<PracticeView> awaitingReview(CurrentUser user, int limit) {
        if (!user.isAdmin() && !PracticeAccess.isReviewer(user)) {
            return List.of();
        }
        String region = user.isAdmin() ? null : user.scope().regionId();
        return views.views(repository.submitted(region, 500)).stream()
                .filter(p -> PracticeAccess.canReview(user, p)).limit(limit).toList();
    }

    private List<PracticeView> visible(CurrentUser user, List<String> ids) {
        Map<String, PracticeView> byId = new HashMap<>();
        views.views(ids).forEach(p -> byId.put(p.id(), p));
        return ids.stream().map(byId::get).filter(p -> p != null && PracticeAccess.canView(user, p)).toList();
    }

    // -------------------------------------------------------------------------------------------------------------

    private PracticeView reviewable(CurrentUser user, String id) {
        PracticeView current = get(user, id);
        if (!PracticeAccess.canReview(user, current)) {
            throw ApiException.forbidden(user.username().equals(current.createdBy())
                    ? "Нельзя рассматривать собственную практику"
                    : "Рассматривать практики может методист или координатор территории школы-автора");
        }
        requireStatus(current, Set.of(PracticeStatus.SUBMITTED), "рассмотреть");
        return current;
    }

    private PracticeView transition(String id, Set<PracticeStatus> from, PracticeStatus to, Map<String, Object> extra,
                                    boolean publish) {
        if (!repository.transition(id, from, to, extra, publish)) {
            throw ApiException.conflict("Статус практики уже изменился; обновите страницу");
        }
        changes.publishEvent(new PracticeChanged());
        return views.find(id).orElseThrow();
    }

    private static void requireStatus(PracticeView practice, Set<PracticeStatus> allowed, String action) {
        if (!allowed.contains(practice.statusEnum())) {
            throw ApiException.conflict("Нельзя " + action + " практику в статусе «" + practice.statusEnum().label() + "»");
        }
    }

    private SchoolRef authorSchool(CurrentUser user, String schoolId) {
        SchoolRef school = repository.findSchool(schoolId).orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, schoolId));
        if (!user.isAdmin() && !user.scope().covers(school.regionId(), school.municipalityId(), school.id())) {
            throw ApiException.forbidden("Школой-автором можно указать только школу своей территории");
        }
        return school;
    }

    /** What a practice needs before review (a draft may be saved incomplete). */
    static List<String> completeness(PracticeView p) {
        List<String> problems = new ArrayList<>();
        if (p.summary() == null || p.summary().isBlank()) {
            problems.add("нет краткого описания");
        }
        if (p.description() == null || p.description().length() < 100) {
            problems.add("полное описание короче 100 символов");
        }
        if (p.subjects().isEmpty()) {
            problems.add("не указаны предметы или направления");
        }
        if (p.grades().isEmpty()) {
            problems.add("не указаны классы");
        }
        if (p.riskFactors().isEmpty()) {
            problems.add("не указаны факторы риска, на которые направлена практика");
        }
        if (p.authors().isEmpty()) {
            problems.add("не указаны авторы");
        }
        return problems;
    }

    /** Trims, checks lengths and codes; lists are de-duplicated. */
    static PracticeInput validate(PracticeInput in) {
        if (in == null) {
            throw ApiException.badInput("input: не заполнено");
        }
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty()) {
            throw ApiException.badInput("input.title: обязательное поле не заполнено");
        }
        limit(title, MAX_TITLE, "input.title");
        List<String> subjects = codes(in.subjects(), PracticeSubject.class, "input.subjects");
        List<String> riskFactors = codes(in.riskFactors(), PracticeRiskFactor.class, "input.riskFactors");
        String level = in.level() == null ? PracticeLevel.SCHOOL.name() : codes(List.of(in.level()), PracticeLevel.class, "input.level").get(0);
        List<Integer> grades = in.grades() == null ? List.of() : in.grades().stream().distinct().sorted().toList();
        if (grades.stream().anyMatch(g -> g == null || g < 1 || g > 11)) {
            throw ApiException.badInput("input.grades: классы от 1 до 11");
        }
        List<String> authors = in.authors() == null ? List.of() : in.authors().stream()
                .filter(a -> a != null && !a.isBlank()).map(String::strip).distinct().toList();
        if (authors.size() > MAX_LIST || authors.stream().anyMatch(a -> a.length() > MAX_TITLE)) {
            throw ApiException.badInput("input.authors: не больше " + MAX_LIST + " авторов, до " + MAX_TITLE + " символов каждый");
        }
        List<EvidenceItem> evidence = in.evidence() == null ? List.of() : in.evidence();
        if (evidence.size() > MAX_LIST) {
            throw ApiException.badInput("input.evidence: не больше " + MAX_LIST + " показателей");
        }
        for (EvidenceItem e : evidence) {
            if (e.metric() == null || e.metric().isBlank() || e.metric().length() > MAX_TITLE * 2) {
                throw ApiException.badInput("input.evidence.metric: опишите показатель (до " + MAX_TITLE * 2 + " символов)");
            }
            if (!Double.isFinite(e.before()) || !Double.isFinite(e.after())) {
                throw ApiException.badInput("input.evidence: значения «до» и «после» должны быть числами");
            }
            if ((e.yearBefore() != null && (e.yearBefore() < 2000 || e.yearBefore() > 2100))
                    || (e.yearAfter() != null && (e.yearAfter() < 2000 || e.yearAfter() > 2100))
                    || (e.yearBefore() != null && e.yearAfter() != null && e.yearAfter() < e.yearBefore())) {
                throw ApiException.badInput("input.evidence: годы «до» и «после» от 2000 до 2100, «после» не раньше «до»");
            }
        }
        return new PracticeInput(title,
                blankToNull(limit(in.summary(), MAX_SUMMARY, "input.summary")),
                blankToNull(limit(in.description(), MAX_TEXT, "input.description")),
                subjects, grades, level, riskFactors, authors,
                blankToNull(limit(in.resources(), MAX_TEXT, "input.resources")),
                blankToNull(limit(in.evidenceSummary(), MAX_TEXT, "input.evidenceSummary")),
                evidence,
                in.authorSchoolId() == null || in.authorSchoolId().isBlank() ? null : in.authorSchoolId().strip());
    }

    private static <E extends Enum<E>> List<String> codes(List<String> values, Class<E> type, String field) {
        if (values == null) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (String value : values) {
            try {
                String code = Enum.valueOf(type, value).name();
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ApiException.badInput(field + ": неизвестное значение «" + value + "»");
            }
        }
        return codes;
    }

    private static String limit(String text, int max, String field) {
        if (text != null && text.length() > max) {
            throw ApiException.badInput(field + ": не длиннее " + max + " символов");
        }
        return text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
