package org.opora.mentoring.relations;

import jakarta.inject.Singleton;
import org.opora.mentoring.teachers.CompetenceArea;
import org.opora.mentoring.teachers.Deficit;
import org.opora.mentoring.teachers.DiagnosticService;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherAccess;
import org.opora.mentoring.teachers.TeacherService;
import org.opora.platform.assignment.AssignmentSolver;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Mentor suggestions for a teacher and the region-wide mentor matching. */
@Singleton
public class SuggestionService {

    private final RelationRepository repository;
    private final TeacherService teachers;
    private final DiagnosticService diagnostics;

    SuggestionService(RelationRepository repository, TeacherService teachers, DiagnosticService diagnostics) {
        this.repository = repository;
        this.teachers = teachers;
        this.diagnostics = diagnostics;
    }

    /**
     * Mentors for a teacher, best first. Score (0–100): 50 × covered share of the weighted deficits of the latest
     * diagnostic, + 20 for a common subject, + 15 when the mentor works in a leader school paired with the teacher's
     * school (else + 8 in the same municipality), + 5 for a leader school, + 10 × free share of the mentor's capacity.
     * Mentors at capacity are left out.
     */
    public List<MentorSuggestion> suggestions(String teacherId, int first, CurrentUser user) {
        Teacher teacher = teachers.require(teacherId);
        TeacherAccess.requirePersonal(user, teacher);
        List<MentorSuggestion> result = rank(teacher);
        return result.size() > first ? result.subList(0, first) : result;
    }

    /** All mentors with free capacity for the teacher, scored and sorted best first. */
    private List<MentorSuggestion> rank(Teacher teacher) {
        List<Deficit> deficits = DiagnosticService.latestDeficits(diagnostics.diagnosticsOf(List.of(teacher.id())).get(teacher.id()));
        int totalWeight = deficits.stream().mapToInt(d -> d.level().weight()).sum();
        List<MentorSuggestion> result = new ArrayList<>();
        for (MentorCandidate m : repository.mentorCandidates(teacher.regionId(), teacher.id(), teacher.schoolId(),
                teacher.municipalityId())) {
            long capacity = m.teacher().mentorCapacity();
            long load = m.load();
            if (load >= capacity) {
                continue;
            }
            List<CompetenceArea> covered = new ArrayList<>();
            int coveredWeight = 0;
            for (Deficit d : deficits) {
                if (m.teacher().strengths().contains(d.competence())) {
                    covered.add(d.competence());
                    coveredWeight += d.level().weight();
                }
            }
            double coverage = totalWeight == 0 ? 0 : (double) coveredWeight / totalWeight;
            List<String> commonSubjects = m.teacher().subjects().stream().filter(teacher.subjects()::contains).toList();
            boolean paired = m.pairedLeader();
            boolean municipality = m.sameMunicipality();
            boolean leader = m.leaderSchool();
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
                        deficits.size(), coverage * 100, String.join(", ", covered.stream().map(CompetenceArea::label).toList())));
            }
            reasons.add(commonSubjects.isEmpty() ? "Преподаёт другие предметы" : "Общий предмет: " + String.join(", ", commonSubjects));
            if (paired) {
                reasons.add("Работает в школе-лидере, образующей сетевую пару со школой педагога (" + m.schoolName() + ")");
            } else if (m.sameSchool()) {
                reasons.add("Работает в той же школе");
            } else if (municipality) {
                reasons.add("Работает в том же муниципалитете (" + m.schoolName() + ")");
            }
            if (leader && !paired) {
                reasons.add("Школа наставника — школа-лидер");
            }
            reasons.add(String.format("Нагрузка: %d из %d наставляемых", load, capacity));

            result.add(new MentorSuggestion(m.teacher(), score, covered, capacity - load, reasons,
                    new MentorSuggestion.Factors(Math.round(coverage * 1000) / 1000.0, coverageScore, subjectScore, placeScore,
                            leaderScore, loadScore, load, capacity)));
        }
        result.sort(Comparator.comparingDouble((MentorSuggestion s) -> -s.score()).thenComparing(s -> s.mentor().id()));
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
    public MentorMatching matching(String regionId, boolean onlyLowResultSchools, CurrentUser user) {
        if (!user.isAdmin() && !(user.has(Role.REGIONAL_COORDINATOR) && user.scope().covers(regionId, null, null))) {
            throw ApiException.forbidden("Подбор наставников по региону доступен региональному координатору");
        }
        List<Teacher> mentees = repository.unmentoredWithDeficits(regionId, onlyLowResultSchools);
        List<Map<String, MentorSuggestion>> allowed = new ArrayList<>();
        // Sorted by mentor id, as the mentees are by id: the greedy baseline then breaks ties by mentee, then mentor id.
        Map<String, Long> freeSlots = new TreeMap<>();
        double maxScore = 0;
        for (Teacher mentee : mentees) {
            Map<String, MentorSuggestion> byMentor = new HashMap<>();
            for (MentorSuggestion suggestion : rank(mentee)) {
                if (suggestion.coveredDeficits().isEmpty()) {
                    continue;
                }
                String mentorId = suggestion.mentor().id();
                byMentor.put(mentorId, suggestion);
                freeSlots.putIfAbsent(mentorId, suggestion.freeSlots());
                maxScore = Math.max(maxScore, suggestion.score());
            }
            allowed.add(byMentor);
        }
        List<String> mentorIds = new ArrayList<>(freeSlots.keySet());
        int[] capacity = mentorIds.stream().mapToInt(id -> Math.toIntExact(freeSlots.get(id))).toArray();
        double[][] scores = new double[mentees.size()][mentorIds.size()];
        for (int r = 0; r < scores.length; r++) {
            for (int c = 0; c < mentorIds.size(); c++) {
                MentorSuggestion suggestion = allowed.get(r).get(mentorIds.get(c));
                // The solver's arc cost is 1 − score, so it needs (0, 1]; ours are positive up to 100; scaling keeps the optimum.
                scores[r][c] = suggestion == null ? Double.NaN : suggestion.score() / maxScore;
            }
        }
        AssignmentSolver.Assignment optimal = AssignmentSolver.optimal(scores, capacity);
        AssignmentSolver.Assignment greedy = AssignmentSolver.greedy(scores, capacity);

        List<MentorMatching.Assignment> assignments = new ArrayList<>();
        List<Teacher> unmatched = new ArrayList<>();
        for (int r = 0; r < mentees.size(); r++) {
            int c = optimal.leaderOf()[r];
            if (c < 0) {
                unmatched.add(mentees.get(r));
            } else {
                assignments.add(new MentorMatching.Assignment(mentees.get(r), allowed.get(r).get(mentorIds.get(c))));
            }
        }
        // Best couples first, as the greedy listing was; the sort is stable, so ties stay by mentee id.
        assignments.sort(Comparator.comparingDouble(a -> -a.suggestion().score()));
        return new MentorMatching(regionId, assignments, unmatched, tenths(optimal.totalScore() * maxScore),
                new MentorMatching.Baseline(greedy.paired(), tenths(greedy.totalScore() * maxScore)));
    }

    private static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
