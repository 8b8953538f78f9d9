package org.opora.mentoring;

import jakarta.inject.Singleton;
import org.opora.platform.assignment.AssignmentSolver;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Arguments;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.opora.mentoring.MentoringAccess.str;

/** Mentoring use cases: teachers' development data, relations, meetings, suggestions, workspace, indicators. */
@Singleton
public class MentoringService {

    private final MentoringRepository repository;
    private final MentoringAccess access;

    MentoringService(MentoringRepository repository, MentoringAccess access) {
        this.repository = repository;
        this.access = access;
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    // ---------------------------------------------------------------- teachers

    public Map<String, Object> createTeacher(Arguments in, CurrentUser user) {
        String schoolId = in.requiredString("schoolId");
        Map<String, Object> school = repository.school(schoolId).orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, schoolId));
        if (!access.manages(user, str(school, "regionId"), str(school, "municipalityId"), schoolId)) {
            throw ApiException.forbidden("Недостаточно прав: добавлять педагогов могут администрация школы и координаторы");
        }
        Map<String, Object> t = new HashMap<>();
        // Always a new record with the server's id; a login is linked separately (linkTeacherLogin).
        t.put("id", newId("T"));
        t.put("fullName", in.requiredString("fullName"));
        t.put("position", in.has("position") ? in.string("position") : "учитель");
        t.put("subjects", in.stringList("subjects"));
        t.put("category", in.string("category"));
        int experience = in.integer("experienceYears", 0);
        if (experience < 0 || experience > 60) {
            throw ApiException.badInput("experienceYears: от 0 до 60, получено " + experience);
        }
        t.put("experienceYears", experience);
        t.put("youngSpecialist", in.has("youngSpecialist") ? in.bool("youngSpecialist") : experience < 3);
        t.put("strengths", in.stringList("strengths"));
        int capacity = in.integer("mentorCapacity", 0);
        if (capacity < 0 || capacity > 20) {
            throw ApiException.badInput("mentorCapacity: от 0 до 20, получено " + capacity);
        }
        t.put("mentorCapacity", capacity);
        t.put("schoolId", schoolId);
        return repository.createTeacher(t);
    }

    /**
     * Links a login to a teacher (also how a mentor gets a login: a mentor is a teacher with a mentor capacity).
     * By the teacher's managers (ADMIN, coordinators of the teacher's territory, the admin of the teacher's school).
     * The login must exist, hold TEACHER or MENTOR, and have a scope that covers the teacher's school; it may not be
     * linked to another teacher. Audited with the actor and time in the same transaction.
     */
    public Map<String, Object> linkLogin(String teacherId, String username, CurrentUser user) {
        Map<String, Object> teacher = requireTeacher(teacherId);
        access.requireManage(user, teacher);
        String login = username == null ? "" : username.strip();
        if (login.isEmpty()) {
            throw ApiException.badInput("username: обязательное поле не заполнено");
        }
        return repository.linkLogin(new MentoringRepository.LoginChange(teacherId, login, user.username(), "LINK"), found -> {
            if (!found.roles().contains(Role.TEACHER.name()) && !found.roles().contains(Role.MENTOR.name())) {
                throw ApiException.badInput("username: у пользователя «" + login + "» нет роли педагога или наставника (TEACHER, MENTOR)");
            }
            boolean sameTerritory = found.regionId() != null
                    && new Scope(found.regionId(), found.municipalityId(), found.schoolId())
                    .covers(str(teacher, "regionId"), str(teacher, "municipalityId"), str(teacher, "schoolId"));
            if (!sameTerritory) {
                throw ApiException.forbidden("Пользователь «" + login + "» закреплён за другой школой или территорией "
                        + "и не может быть привязан к педагогу школы " + str(teacher, "schoolId"));
            }
        });
    }

    /** Removes a teacher's login; same callers as {@link #linkLogin}, audited likewise. */
    public Map<String, Object> unlinkLogin(String teacherId, CurrentUser user) {
        access.requireManage(user, requireTeacher(teacherId));
        return repository.unlinkLogin(teacherId, user.username());
    }

    public Map<String, Object> teacher(String id, CurrentUser user) {
        Map<String, Object> teacher = repository.teacher(id).orElse(null);
        if (teacher == null) {
            return null;
        }
        if (!access.canSeeProfile(user, teacher) && !access.canReadPersonal(user, teacher)) {
            throw ApiException.forbidden("Нет доступа к педагогу другой территории");
        }
        return teacher;
    }

    private Map<String, Object> requireTeacher(String id) {
        return repository.teacher(id).orElseThrow(() -> ApiException.notFound("Педагог", ApiException.Gender.MASCULINE, id));
    }

    public List<Map<String, Object>> teachersOfSchool(Map<String, Object> school, CurrentUser user) {
        requireTeachersOfSchool(school, user);
        return repository.teachersOfSchool(str(school, "id"));
    }

    /** Who may list a school's teachers: anyone whose territory covers the school. */
    public void requireTeachersOfSchool(Map<String, Object> school, CurrentUser user) {
        if (!user.isAdmin() && !user.scope().covers(str(school, "regionId"), str(school, "municipalityId"), str(school, "id"))) {
            throw ApiException.forbidden("Нет доступа к педагогам этой школы");
        }
    }

    // ---------------------------------------------------------------- personal data

    public List<Map<String, Object>> diagnostics(Map<String, Object> teacher, CurrentUser user) {
        access.requirePersonal(user, teacher);
        return repository.diagnostics(str(teacher, "id"));
    }

    /** Deficits of the latest diagnostic. */
    public List<Map<String, Object>> deficits(Map<String, Object> teacher, CurrentUser user) {
        access.requirePersonal(user, teacher);
        return latestDeficits(str(teacher, "id"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> latestDeficits(String teacherId) {
        List<Map<String, Object>> diagnostics = repository.diagnostics(teacherId);
        return diagnostics.isEmpty() ? List.of() : (List<Map<String, Object>>) diagnostics.get(0).get("deficits");
    }

    public List<Map<String, Object>> plans(Map<String, Object> teacher, CurrentUser user) {
        access.requirePersonal(user, teacher);
        return repository.plans(str(teacher, "id"));
    }

    public List<Map<String, Object>> courses(Map<String, Object> teacher, CurrentUser user) {
        access.requirePersonal(user, teacher);
        return repository.courses(str(teacher, "id"));
    }

    public Map<String, Object> recordDiagnostic(Arguments in, CurrentUser user) {
        Map<String, Object> teacher = requireTeacher(in.requiredString("teacherId"));
        access.requireManage(user, teacher);
        Map<String, Object> d = new HashMap<>();
        d.put("id", newId("D"));
        d.put("date", requiredDate(in, "date"));
        d.put("instrument", in.requiredString("instrument"));
        List<Map<String, Object>> deficits = new ArrayList<>();
        @SuppressWarnings("unchecked") List<Map<String, Object>> list = (List<Map<String, Object>>) in.asMap().get("deficits");
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> item : list == null ? List.<Map<String, Object>>of() : list) {
            Arguments a = Arguments.of(item);
            String competence = a.requiredString("competence");
            if (!seen.add(competence)) {
                throw ApiException.badInput("deficits: компетенция «" + CompetenceArea.valueOf(competence).label() + "» указана дважды");
            }
            Map<String, Object> x = new HashMap<>();
            x.put("competence", competence);
            x.put("level", a.requiredString("level"));
            x.put("note", a.string("note"));
            deficits.add(x);
        }
        return repository.addDiagnostic(str(teacher, "id"), d, deficits);
    }

    public Map<String, Object> createPlan(Arguments in, CurrentUser user) {
        Map<String, Object> teacher = requireTeacher(in.requiredString("teacherId"));
        access.requirePersonal(user, teacher);
        Map<String, Object> plan = new HashMap<>();
        plan.put("id", newId("P"));
        plan.put("title", in.requiredString("title"));
        plan.put("startDate", requiredDate(in, "startDate"));
        plan.put("endDate", in.date("endDate"));
        plan.put("createdBy", user.username());
        List<Map<String, Object>> goals = new ArrayList<>();
        for (Map<String, Object> item : list(in, "goals")) {
            Arguments g = Arguments.of(item);
            Map<String, Object> goal = new HashMap<>();
            goal.put("id", newId("G"));
            goal.put("competence", g.requiredString("competence"));
            goal.put("target", g.requiredString("target"));
            goal.put("deadline", requiredDate(g, "deadline"));
            goal.put("status", g.has("status") ? g.string("status") : GoalStatus.PLANNED.name());
            goals.add(goal);
        }
        List<Map<String, Object>> activities = new ArrayList<>();
        for (Map<String, Object> item : list(in, "activities")) {
            Arguments a = Arguments.of(item);
            Map<String, Object> activity = new HashMap<>();
            activity.put("id", newId("A"));
            activity.put("kind", a.requiredString("kind"));
            activity.put("title", a.requiredString("title"));
            activity.put("date", a.date("date"));
            activity.put("hostSchoolId", a.string("hostSchoolId"));
            activity.put("done", Boolean.TRUE.equals(a.bool("done")));
            activities.add(activity);
        }
        return repository.createPlan(str(teacher, "id"), plan, goals, activities);
    }

    public Map<String, Object> setGoalStatus(String goalId, String status, LocalDate today, CurrentUser user) {
        String teacherId = repository.goalTeacher(goalId).orElseThrow(() -> ApiException.notFound("Цель ИОМ педагога", ApiException.Gender.FEMININE, goalId));
        access.requirePersonal(user, requireTeacher(teacherId));
        return repository.setGoalStatus(goalId, GoalStatus.valueOf(status).name(), today);
    }

    public Map<String, Object> recordCourse(Arguments in, CurrentUser user) {
        Map<String, Object> teacher = requireTeacher(in.requiredString("teacherId"));
        access.requirePersonal(user, teacher);
        Map<String, Object> c = new HashMap<>();
        c.put("id", newId("C"));
        c.put("title", in.requiredString("title"));
        c.put("provider", in.string("provider"));
        c.put("hours", in.integer("hours"));
        c.put("competence", in.string("competence"));
        c.put("completedOn", requiredDate(in, "completedOn"));
        return repository.addCourse(str(teacher, "id"), c);
    }

    // ---------------------------------------------------------------- relations and meetings

    public Map<String, Object> propose(Arguments in, CurrentUser user) {
        MentoringKind kind = MentoringKind.valueOf(in.requiredString("kind"));
        Map<String, Object> mentor = requireTeacher(in.requiredString("mentorId"));
        String menteeTeacherId = in.string("menteeTeacherId");
        String menteeSchoolId = in.string("menteeSchoolId");
        Map<String, Object> place;
        if (kind == MentoringKind.CURATOR_SCHOOL) {
            if (menteeSchoolId == null || menteeTeacherId != null) {
                throw ApiException.badInput("menteeSchoolId: для кураторства школы укажите школу (и не указывайте педагога)");
            }
            Map<String, Object> school = repository.school(menteeSchoolId)
                    .orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, menteeSchoolId));
            place = Map.of("regionId", school.get("regionId"), "municipalityId", school.get("municipalityId"),
                    "schoolId", menteeSchoolId);
        } else {
            if (menteeTeacherId == null || menteeSchoolId != null) {
                throw ApiException.badInput("menteeTeacherId: укажите наставляемого педагога");
            }
            if (menteeTeacherId.equals(mentor.get("id"))) {
                throw ApiException.badInput("menteeTeacherId: педагог не может быть наставником самому себе");
            }
            place = requireTeacher(menteeTeacherId);
        }
        if (!access.manages(user, str(place, "regionId"), str(place, "municipalityId"), str(place, "schoolId"))
                && !MentoringAccess.proposesThemselves(user, mentor, place)) {
            throw ApiException.forbidden("Недостаточно прав: назначать наставников могут администрация школы и координаторы, "
                    + "а наставник может предложить себя педагогу своей территории");
        }
        // Mentors come from the mentee's region (as suggestions do): a manager cannot take another region's teacher.
        if (!str(place, "regionId").equals(str(mentor, "regionId"))) {
            throw ApiException.forbidden("Наставник должен работать в том же регионе, что и наставляемый");
        }
        Map<String, Object> r = new HashMap<>();
        r.put("id", newId("MR"));
        r.put("kind", kind.name());
        r.put("status", RelationStatus.PENDING.name());
        r.put("startDate", in.date("startDate") != null ? in.date("startDate") : LocalDate.now());
        r.put("plannedEndDate", in.date("plannedEndDate"));
        r.put("goal", in.string("goal"));
        r.put("regionId", place.get("regionId"));
        r.put("municipalityId", place.get("municipalityId"));
        r.put("schoolId", place.get("schoolId"));
        r.put("createdBy", user.username());
        return repository.proposeRelation(r, str(mentor, "id"), menteeTeacherId, menteeSchoolId);
    }

    public Map<String, Object> relation(String id, CurrentUser user) {
        Map<String, Object> relation = repository.relation(id).orElse(null);
        if (relation != null) {
            access.requireRelation(user, relation);
        }
        return relation;
    }

    public Map<String, Object> changeStatus(String id, RelationStatus target, LocalDate today, CurrentUser user) {
        Map<String, Object> relation = repository.relation(id).orElseThrow(() -> ApiException.notFound("Наставничество", ApiException.Gender.NEUTER, id));
        boolean mentor = MentoringAccess.isMentorOfRelation(user, relation);
        if (!mentor && !access.manages(user, str(relation, "regionId"), str(relation, "municipalityId"), str(relation, "schoolId"))) {
            throw ApiException.forbidden("Недостаточно прав: статус меняют наставник, администрация школы и координаторы");
        }
        RelationStatus current = RelationStatus.valueOf(str(relation, "status"));
        current.requireMoveTo(target);
        if (target == RelationStatus.ACTIVE && user.username().equals(relation.get("createdBy"))
                && !access.manages(user, str(relation, "regionId"), str(relation, "municipalityId"), str(relation, "schoolId"))) {
            throw ApiException.forbidden("Наставничество, которое вы предложили, подтверждают администрация школы или координатор");
        }
        return repository.transition(id, current, target, today);
    }

    public Map<String, Object> logMeeting(Arguments in, CurrentUser user) {
        String relationId = in.requiredString("relationId");
        Map<String, Object> relation = repository.relation(relationId)
                .orElseThrow(() -> ApiException.notFound("Наставничество", ApiException.Gender.NEUTER, relationId));
        if (!MentoringAccess.isMentorOfRelation(user, relation)) {
            throw ApiException.forbidden("Записывать встречи может только наставник");
        }
        Map<String, Object> m = new HashMap<>();
        m.put("id", newId("M"));
        m.put("date", requiredDate(in, "date"));
        m.put("topic", in.requiredString("topic"));
        m.put("sharedNotes", in.string("sharedNotes"));
        m.put("privateNotes", in.string("privateNotes"));
        m.put("nextSteps", in.stringList("nextSteps"));
        return withMentor(repository.addMeeting(relationId, m), relation);
    }

    public List<Map<String, Object>> meetings(Map<String, Object> relation, CurrentUser user) {
        access.requireRelation(user, relation);
        return repository.meetings(str(relation, "id")).stream().map(m -> withMentor(m, relation)).toList();
    }

    private static Map<String, Object> withMentor(Map<String, Object> meeting, Map<String, Object> relation) {
        Map<String, Object> m = new LinkedHashMap<>(meeting);
        m.put("mentorUsername", relation.get("mentorUsername"));
        return m;
    }

    /** A mentor's private notes: the mentor only. */
    public Object privateNotes(Map<String, Object> meeting, CurrentUser user) {
        if (!user.username().equals(meeting.get("mentorUsername"))) {
            throw ApiException.forbidden("Личные заметки наставника доступны только наставнику");
        }
        return meeting.get("privateNotes");
    }

    // ---------------------------------------------------------------- suggestions

    /**
     * Mentors for a teacher, best first. Score (0–100): 50 × covered share of the weighted deficits of the latest
     * diagnostic, + 20 for a common subject, + 15 when the mentor works in a leader school paired with the teacher's
     * school (else + 8 in the same municipality), + 5 for a leader school, + 10 × free share of the mentor's capacity.
     * Mentors at capacity are left out.
     */
    public List<Map<String, Object>> suggestions(String teacherId, int first, CurrentUser user) {
        Map<String, Object> teacher = requireTeacher(teacherId);
        access.requirePersonal(user, teacher);
        List<Map<String, Object>> result = rank(teacher);
        return result.size() > first ? result.subList(0, first) : result;
    }

    /** All mentors with free capacity for the teacher, scored and sorted best first. */
    private List<Map<String, Object>> rank(Map<String, Object> teacher) {
        String teacherId = str(teacher, "id");
        List<Map<String, Object>> deficits = latestDeficits(teacherId);
        int totalWeight = deficits.stream().mapToInt(d -> DeficitLevel.valueOf(str(d, "level")).weight()).sum();
        @SuppressWarnings("unchecked") List<String> subjects = (List<String>) teacher.getOrDefault("subjects", List.of());
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> m : repository.mentorCandidates(str(teacher, "regionId"), teacherId,
                str(teacher, "schoolId"), str(teacher, "municipalityId"))) {
            long capacity = ((Number) m.get("mentorCapacity")).longValue();
            long load = ((Number) m.get("load")).longValue();
            if (load >= capacity) {
                continue;
            }
            @SuppressWarnings("unchecked") List<String> strengths = (List<String>) m.getOrDefault("strengths", List.of());
            @SuppressWarnings("unchecked") List<String> mentorSubjects = (List<String>) m.getOrDefault("subjects", List.of());
            List<String> covered = new ArrayList<>();
            int coveredWeight = 0;
            for (Map<String, Object> d : deficits) {
                if (strengths.contains(str(d, "competence"))) {
                    covered.add(str(d, "competence"));
                    coveredWeight += DeficitLevel.valueOf(str(d, "level")).weight();
                }
            }
            double coverage = totalWeight == 0 ? 0 : (double) coveredWeight / totalWeight;
            List<String> commonSubjects = mentorSubjects.stream().filter(subjects::contains).toList();
            boolean paired = Boolean.TRUE.equals(m.get("pairedLeader"));
            boolean municipality = Boolean.TRUE.equals(m.get("sameMunicipality"));
            boolean leader = Boolean.TRUE.equals(m.get("leaderSchool"));
            double free = (double) (capacity - load) / capacity;

            double coverageScore = 50 * coverage;
            double subjectScore = commonSubjects.isEmpty() ? 0 : 20;
            double placeScore = paired ? 15 : municipality ? 8 : 0;
            double leaderScore = leader ? 5 : 0;
            double loadScore = 10 * free;
            double score = tenths(coverageScore + subjectScore + placeScore + leaderScore + loadScore);

            List<String> reasons = new ArrayList<>();
            if (covered.isEmpty()) {
                reasons.add(deficits.isEmpty() ? "У педагога нет выявленных дефицитов: подбор по предмету и месту"
                        : "Сильные стороны наставника не покрывают дефициты педагога");
            } else {
                reasons.add(String.format("Покрывает %d из %d дефицитов (%.0f%% с учётом уровня): %s", covered.size(),
                        deficits.size(), coverage * 100, String.join(", ",
                                covered.stream().map(c -> CompetenceArea.valueOf(c).label()).toList())));
            }
            reasons.add(commonSubjects.isEmpty() ? "Преподаёт другие предметы" : "Общий предмет: " + String.join(", ", commonSubjects));
            if (paired) {
                reasons.add("Работает в школе-лидере, образующей сетевую пару со школой педагога (" + m.get("schoolName") + ")");
            } else if (Boolean.TRUE.equals(m.get("sameSchool"))) {
                reasons.add("Работает в той же школе");
            } else if (municipality) {
                reasons.add("Работает в том же муниципалитете (" + m.get("schoolName") + ")");
            }
            if (leader && !paired) {
                reasons.add("Школа наставника — школа-лидер");
            }
            reasons.add(String.format("Нагрузка: %d из %d наставляемых", load, capacity));

            Map<String, Object> factors = new LinkedHashMap<>();
            factors.put("coverage", Math.round(coverage * 1000) / 1000.0);
            factors.put("coverageScore", coverageScore);
            factors.put("subjectScore", subjectScore);
            factors.put("placeScore", placeScore);
            factors.put("leaderScore", leaderScore);
            factors.put("loadScore", loadScore);
            factors.put("load", load);
            factors.put("capacity", capacity);

            Map<String, Object> suggestion = new LinkedHashMap<>();
            Map<String, Object> mentor = new LinkedHashMap<>(m);
            suggestion.put("mentor", mentor);
            suggestion.put("score", score);
            suggestion.put("coveredDeficits", covered);
            suggestion.put("freeSlots", capacity - load);
            suggestion.put("reasons", reasons);
            suggestion.put("factors", factors);
            result.add(suggestion);
        }
        result.sort(Comparator.<Map<String, Object>>comparingDouble(s -> -((Double) s.get("score")))
                .thenComparing(s -> str((Map<String, Object>) s.get("mentor"), "id")));
        return result;
    }

    /**
     * Region-wide matching proposal (nothing is written): teachers of the region (of ШНОР schools only, unless told
     * otherwise) with deficits in their latest diagnostic and no open relation as mentee, each given at most one
     * mentor, no mentor beyond the free part of the capacity. A (mentee, mentor) couple is allowed when the mentor is
     * suggested for the teacher and covers at least one deficit; the assignment maximises the total score
     * ({@link AssignmentSolver#optimal}, the pairing's min-cost flow). The greedy baseline (best couple first) on the
     * same scores is reported next to it.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> matching(String regionId, boolean onlyLowResultSchools, CurrentUser user) {
        if (!user.isAdmin() && !(user.has(Role.REGIONAL_COORDINATOR) && user.scope().covers(regionId, null, null))) {
            throw ApiException.forbidden("Подбор наставников по региону доступен региональному координатору");
        }
        List<Map<String, Object>> mentees = repository.unmentoredWithDeficits(regionId, onlyLowResultSchools);
        List<Map<String, Map<String, Object>>> allowed = new ArrayList<>();
        // Sorted by mentor id, as the mentees are by id: the greedy baseline then breaks ties by mentee, then mentor id.
        Map<String, Long> freeSlots = new TreeMap<>();
        double maxScore = 0;
        for (Map<String, Object> mentee : mentees) {
            Map<String, Map<String, Object>> byMentor = new HashMap<>();
            for (Map<String, Object> suggestion : rank(mentee)) {
                if (((List<?>) suggestion.get("coveredDeficits")).isEmpty()) {
                    continue;
                }
                String mentorId = str((Map<String, Object>) suggestion.get("mentor"), "id");
                byMentor.put(mentorId, suggestion);
                freeSlots.putIfAbsent(mentorId, (Long) suggestion.get("freeSlots"));
                maxScore = Math.max(maxScore, (Double) suggestion.get("score"));
            }
            allowed.add(byMentor);
        }
        List<String> mentorIds = new ArrayList<>(freeSlots.keySet());
        int[] capacity = mentorIds.stream().mapToInt(id -> Math.toIntExact(freeSlots.get(id))).toArray();
        double[][] scores = new double[mentees.size()][mentorIds.size()];
        for (int r = 0; r < scores.length; r++) {
            for (int c = 0; c < mentorIds.size(); c++) {
                Map<String, Object> suggestion = allowed.get(r).get(mentorIds.get(c));
                // The solver's arc cost is 1 − score, so it needs (0, 1]; ours are positive up to 100; scaling keeps the optimum.
                scores[r][c] = suggestion == null ? Double.NaN : (Double) suggestion.get("score") / maxScore;
            }
        }
        AssignmentSolver.Assignment optimal = AssignmentSolver.optimal(scores, capacity);
        AssignmentSolver.Assignment greedy = AssignmentSolver.greedy(scores, capacity);

        List<Map<String, Object>> assignments = new ArrayList<>();
        List<Map<String, Object>> unmatched = new ArrayList<>();
        for (int r = 0; r < mentees.size(); r++) {
            int c = optimal.leaderOf()[r];
            if (c < 0) {
                unmatched.add(mentees.get(r));
            } else {
                assignments.add(Map.of("mentee", mentees.get(r), "suggestion", allowed.get(r).get(mentorIds.get(c))));
            }
        }
        // Best couples first, as the greedy listing was; the sort is stable, so ties stay by mentee id.
        assignments.sort(Comparator.comparingDouble(a -> -((Double) ((Map<String, Object>) a.get("suggestion")).get("score"))));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("regionId", regionId);
        result.put("assignments", assignments);
        result.put("unmatched", unmatched);
        result.put("totalScore", tenths(optimal.totalScore() * maxScore));
        result.put("greedy", Map.of("pairedCount", greedy.paired(), "totalScore", tenths(greedy.totalScore() * maxScore)));
        return result;
    }

    // ---------------------------------------------------------------- workspace and reminders

    public Map<String, Object> workspace(CurrentUser user, LocalDate asOf, int weeks) {
        requireWeeks(weeks);
        Map<String, Object> me = repository.teacherByUsername(user.username()).orElse(null);
        Map<String, Object> ws = new LinkedHashMap<>();
        ws.put("me", me);
        if (me == null) {
            ws.put("mentees", List.of());
            ws.put("myMentors", List.of());
            ws.put("myPlans", List.of());
            ws.put("reminders", List.of());
            return ws;
        }
        List<Map<String, Object>> cards = new ArrayList<>();
        List<Map<String, Object>> reminders = new ArrayList<>();
        for (Map<String, Object> relation : repository.relationsAsMentor(str(me, "id"))) {
            RelationStatus status = RelationStatus.valueOf(str(relation, "status"));
            if (!status.occupiesMentor()) {
                continue;
            }
            cards.add(card(relation, asOf, weeks));
            reminder(relation, asOf, weeks).ifPresent(reminders::add);
        }
        ws.put("mentees", cards);
        ws.put("myMentors", repository.relationsAsMentee(str(me, "id")));
        ws.put("myPlans", repository.plans(str(me, "id")));
        ws.put("reminders", reminders);
        return ws;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> card(Map<String, Object> relation, LocalDate asOf, int weeks) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("relation", relation);
        String menteeId = str(relation, "menteeTeacherId");
        int total = 0;
        int done = 0;
        List<Map<String, Object>> overdue = new ArrayList<>();
        if (menteeId != null) {
            card.put("mentee", repository.teacher(menteeId).orElse(null));
            card.put("deficits", latestDeficits(menteeId));
            for (Map<String, Object> plan : repository.plans(menteeId)) {
                for (Map<String, Object> goal : (List<Map<String, Object>>) plan.get("goals")) {
                    GoalStatus status = GoalStatus.valueOf(str(goal, "status"));
                    if (status == GoalStatus.CANCELLED) {
                        continue;
                    }
                    total++;
                    if (status == GoalStatus.DONE) {
                        done++;
                    } else if (((LocalDate) goal.get("deadline")).isBefore(asOf)) {
                        overdue.add(goal);
                    }
                }
            }
        } else {
            card.put("deficits", List.of());
        }
        card.put("goalsTotal", total);
        card.put("goalsDone", done);
        card.put("planProgress", total == 0 ? null : Math.round(1000.0 * done / total) / 1000.0);
        card.put("overdueGoals", overdue);
        List<Map<String, Object>> meetings = repository.meetings(str(relation, "id"));
        card.put("lastMeeting", meetings.isEmpty() ? null : withMentor(meetings.get(0), relation));
        LocalDate contact = MentoringRepository.lastContact(relation);
        card.put("daysSinceContact", ChronoUnit.DAYS.between(contact, asOf));
        card.put("stale", isStale(relation, asOf, weeks));
        return card;
    }

    private static boolean isStale(Map<String, Object> relation, LocalDate asOf, int weeks) {
        return RelationStatus.ACTIVE.name().equals(relation.get("status"))
                && MentoringRepository.lastContact(relation).isBefore(asOf.minusWeeks(weeks));
    }

    private static java.util.Optional<Map<String, Object>> reminder(Map<String, Object> relation, LocalDate asOf, int weeks) {
        if (!isStale(relation, asOf, weeks)) {
            return java.util.Optional.empty();
        }
        LocalDate contact = MentoringRepository.lastContact(relation);
        long weeksWithout = ChronoUnit.WEEKS.between(contact, asOf);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("relation", relation);
        r.put("lastMeetingDate", relation.get("lastMeetingDate"));
        r.put("lastContact", contact);
        r.put("weeksWithoutMeeting", weeksWithout);
        r.put("message", relation.get("lastMeetingDate") == null
                ? "Нет ни одной встречи с начала наставничества (" + contact + "), прошло недель: " + weeksWithout
                : "Последняя встреча " + contact + ", прошло недель: " + weeksWithout);
        return java.util.Optional.of(r);
    }

    public List<Map<String, Object>> staleRelations(String regionId, int weeks, LocalDate asOf, CurrentUser user) {
        requireWeeks(weeks);
        if (!user.isAdmin() && !user.hasAny(Role.REGIONAL_COORDINATOR, Role.MUNICIPAL_COORDINATOR, Role.SCHOOL_ADMIN)) {
            throw ApiException.forbidden("Недостаточно прав для этой операции");
        }
        if (!user.scope().covers(regionId, null, null) && !regionId.equals(user.scope().regionId())) {
            throw ApiException.forbidden("Нет доступа к данным другого региона");
        }
        return repository.staleRelations(regionId, asOf.minusWeeks(weeks)).stream()
                .filter(r -> access.manages(user, str(r, "regionId"), str(r, "municipalityId"), str(r, "schoolId")))
                .map(r -> reminder(r, asOf, weeks).orElseThrow())
                .toList();
    }

    private static void requireWeeks(int weeks) {
        if (weeks < 1 || weeks > 52) {
            throw ApiException.badInput("weeks: от 1 до 52, получено " + weeks);
        }
    }

    // ---------------------------------------------------------------- indicators

    public Map<String, Object> indicators(String regionId, CurrentUser user) {
        if (!user.isAdmin() && user.scope().regionId() != null && !user.scope().regionId().equals(regionId)) {
            throw ApiException.forbidden("Нет доступа к данным другого региона");
        }
        Map<String, Object> counts = repository.indicators(regionId);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("regionId", regionId);
        long low = (Long) counts.get("low");
        long diagnosed = (Long) counts.get("diagnosed");
        long repeat = (Long) counts.get("repeat");
        result.put("teachers", counts.get("teachers"));
        result.put("lowResultSchoolTeachers", low);
        result.put("diagnosed", diagnosed);
        result.put("shareDiagnosed", share(diagnosed, low));
        result.put("diagnosedRepeatedly", repeat);
        result.put("positiveDynamics", counts.get("positive"));
        result.put("sharePositiveDynamics", share((Long) counts.get("positive"), repeat));
        result.put("mentored", counts.get("mentored"));
        result.put("shareMentored", share((Long) counts.get("mentored"), low));
        result.put("associationMembers", counts.get("members"));
        result.put("shareAssociationMembers", share((Long) counts.get("members"), low));
        long all = (Long) counts.get("teachers");
        result.put("shareDiagnosedAll", share((Long) counts.get("diagnosedAll"), all));
        result.put("shareMentoredAll", share((Long) counts.get("mentoredAll"), all));
        result.put("shareAssociationMembersAll", share((Long) counts.get("membersAll"), all));
        result.put("associations", counts.get("associations"));
        result.put("activeRelations", counts.get("activeRelations"));
        return result;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }

    // ---------------------------------------------------------------- associations

    public Map<String, Object> createAssociation(Arguments in, CurrentUser user) {
        String regionId = in.requiredString("regionId");
        String municipalityId = in.string("municipalityId");
        String schoolId = in.string("schoolId");
        requireConsistentPlace(regionId, municipalityId, schoolId);
        boolean allowed = access.manages(user, regionId, municipalityId, schoolId)
                || (user.has(Role.METHODIST) && user.scope().covers(regionId, municipalityId, schoolId));
        if (!allowed) {
            throw ApiException.forbidden("Недостаточно прав: объединения создают координаторы, методисты и администрация школы");
        }
        Map<String, Object> a = new HashMap<>();
        a.put("id", newId("MA"));
        a.put("kind", in.requiredString("kind"));
        a.put("name", in.requiredString("name"));
        a.put("level", in.requiredString("level"));
        a.put("subject", in.string("subject"));
        a.put("regionId", regionId);
        a.put("municipalityId", municipalityId);
        a.put("schoolId", schoolId);
        return repository.createAssociation(a);
    }

    /** The named municipality and school must lie in the named region (else one could file it under another territory). */
    private void requireConsistentPlace(String regionId, String municipalityId, String schoolId) {
        if (schoolId != null) {
            Map<String, Object> school = repository.school(schoolId).orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, schoolId));
            if (!regionId.equals(str(school, "regionId"))
                    || (municipalityId != null && !municipalityId.equals(str(school, "municipalityId")))) {
                throw ApiException.badInput("schoolId: школа " + schoolId + " не относится к указанным региону и муниципалитету");
            }
        } else if (municipalityId != null && !regionId.equals(repository.municipalityRegion(municipalityId)
                .orElseThrow(() -> ApiException.notFound("Муниципалитет", ApiException.Gender.MASCULINE, municipalityId)))) {
            throw ApiException.badInput("municipalityId: муниципалитет " + municipalityId + " не относится к региону " + regionId);
        }
    }

    private Map<String, Object> manageableAssociation(String id, CurrentUser user) {
        Map<String, Object> a = repository.association(id).orElseThrow(() -> ApiException.notFound("Объединение", ApiException.Gender.NEUTER, id));
        boolean allowed = access.manages(user, str(a, "regionId"), str(a, "municipalityId"), str(a, "schoolId"))
                || (user.has(Role.METHODIST) && user.scope().covers(str(a, "regionId"), str(a, "municipalityId"), str(a, "schoolId")));
        if (!allowed) {
            throw ApiException.forbidden("Недостаточно прав для изменения объединения");
        }
        return a;
    }

    public Map<String, Object> addMember(String associationId, String teacherId, CurrentUser user) {
        Map<String, Object> association = manageableAssociation(associationId, user);
        Map<String, Object> teacher = requireTeacher(teacherId);
        if (!str(association, "regionId").equals(str(teacher, "regionId"))) {
            throw ApiException.forbidden("Педагог другого региона не может быть участником этого объединения");
        }
        return repository.addMember(associationId, teacherId);
    }

    /**
     * The caller joins an association as the teacher linked to their login. The association must be of the teacher's
     * region and, when it belongs to a municipality or a school, of that municipality or school.
     */
    public Map<String, Object> join(String associationId, CurrentUser user) {
        Map<String, Object> a = repository.association(associationId)
                .orElseThrow(() -> ApiException.notFound("Объединение", ApiException.Gender.NEUTER, associationId));
        Map<String, Object> me = repository.teacherByUsername(user.username())
                .orElseThrow(() -> ApiException.forbidden("Вступить в объединение может только педагог, чья учётная запись привязана к профилю педагога"));
        boolean fits = str(a, "regionId").equals(str(me, "regionId"))
                && (a.get("municipalityId") == null || a.get("municipalityId").equals(me.get("municipalityId")))
                && (a.get("schoolId") == null || a.get("schoolId").equals(me.get("schoolId")));
        if (!fits) {
            throw ApiException.forbidden("Это объединение другой территории: вступить в него нельзя");
        }
        return repository.addMember(associationId, str(me, "id"));
    }

    public Map<String, Object> addEvent(Arguments in, CurrentUser user) {
        String id = in.requiredString("associationId");
        manageableAssociation(id, user);
        Map<String, Object> e = new HashMap<>();
        e.put("id", newId("E"));
        e.put("date", requiredDate(in, "date"));
        e.put("title", in.requiredString("title"));
        e.put("format", in.string("format"));
        return repository.addEvent(id, e);
    }

    public List<Map<String, Object>> associations(String regionId, String kind, String subject, CurrentUser user) {
        if (!user.isAdmin() && user.scope().regionId() != null && !user.scope().regionId().equals(regionId)) {
            throw ApiException.forbidden("Нет доступа к данным другого региона");
        }
        return repository.associations(regionId, kind, subject);
    }

    // ---------------------------------------------------------------- helpers

    private static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static LocalDate requiredDate(Arguments in, String name) {
        LocalDate date = in.date(name);
        if (date == null) {
            throw ApiException.badInput(name + ": обязательное поле не заполнено");
        }
        return date;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Arguments in, String name) {
        Object value = in.asMap().get(name);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
