package org.opora.support.programmes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.TransactionContext;
import org.opora.identification.Assessment;
import org.opora.identification.RiskFactor;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Connection;
import org.opora.platform.neo4j.Neo4jSessions;
import org.opora.school.School;
import org.opora.school.SchoolDirectory;
import org.opora.school.SchoolStatus;
import org.opora.support.partners.PartnerService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * School programmes: drafting by the school, agreement by the municipality, execution with evidence, progress against
 * targets, and the municipality's list of ШНОР/ШНСУ schools whose programme is missing, awaiting agreement or overdue.
 * Every check and the write it guards run in one transaction with the programme locked; access is checked before input.
 */
@Singleton
public class ProgrammeService {

    private static final TypeReference<List<Assessment.RiskFactorLevel>> RISK_PROFILE = new TypeReference<>() { };

    private final Neo4jSessions neo4j;
    private final ProgrammeRepository repository;
    private final SchoolDirectory schools;
    private final PartnerService partners;
    private final ObjectMapper json;

    ProgrammeService(Neo4jSessions neo4j, ProgrammeRepository repository, SchoolDirectory schools, PartnerService partners,
                     ObjectMapper json) {
        this.neo4j = neo4j;
        this.repository = repository;
        this.schools = schools;
        this.partners = partners;
        this.json = json;
    }

    public record GoalInput(GoalBasisKind basisKind, String basis, String text) {
    }

    public record TargetInput(String indicator, @Nullable Double baseline, double target, @Nullable Integer targetYear) {
    }

    public record NewProgramme(String schoolId, ProgrammeKind kind, @Nullable String riskFactor, String title,
                               LocalDate periodStart, LocalDate periodEnd, List<GoalInput> goals, List<TargetInput> targets) {
    }

    /** Fields left null keep their values; goals or targets given replace the old ones. */
    public record ProgrammeChange(@Nullable String title, @Nullable LocalDate periodStart, @Nullable LocalDate periodEnd,
                                  @Nullable List<GoalInput> goals, @Nullable List<TargetInput> targets) {
    }

    /** A measure's fields; on update the null ones keep their values. */
    public record MeasureInput(@Nullable String title, @Nullable String responsible, @Nullable LocalDate deadline,
                               @Nullable String plannedResult, @Nullable String goalId, @Nullable MeasureStatus status,
                               @Nullable String evidence, @Nullable List<String> partnerIds) {

        boolean changesContent() {
            return title != null || responsible != null || deadline != null || plannedResult != null || goalId != null
                    || partnerIds != null;
        }
    }

    // ------------------------------------------------------------------ reading

    public List<SchoolProgramme> ofSchool(CurrentUser user, String schoolId) {
        School school = school(schoolId);
        ProgrammeAccess.requireSee(user, school);
        return repository.ofSchool(schoolId);
    }

    /** The programme, or empty when it does not exist; FORBIDDEN outside the caller's territory. */
    public Optional<SchoolProgramme> find(CurrentUser user, String id) {
        Optional<SchoolProgramme> programme = repository.find(id);
        programme.ifPresent(p -> ProgrammeAccess.requireSee(user, school(p.schoolId())));
        return programme;
    }

    public ProgrammeBasis basis(CurrentUser user, String schoolId) {
        School school = school(schoolId);
        ProgrammeAccess.requireSee(user, school);
        return basisOf(school);
    }

    private ProgrammeBasis basisOf(School school) {
        ProgrammeRepository.CurrentIdentification current = repository.currentIdentification(school.id());
        List<ProgrammeBasis.Item> statuses = current.statuses().stream()
                .map(s -> new ProgrammeBasis.Item(GoalBasisKind.STATUS, s, SchoolStatus.valueOf(s).label(), null)).toList();
        List<ProgrammeBasis.Item> risks = riskProfile(current.riskProfileJson()).stream()
                .filter(r -> r.level() != RiskFactor.Level.LOW)
                .sorted(Comparator.comparing((Assessment.RiskFactorLevel r) -> r.level()).reversed()
                        .thenComparing(r -> r.factor().ordinal()))
                .map(r -> new ProgrammeBasis.Item(GoalBasisKind.RISK_FACTOR, r.factor().name(), r.factor().label(), r.level().name()))
                .toList();
        return new ProgrammeBasis(school, statuses, risks);
    }

    private List<Assessment.RiskFactorLevel> riskProfile(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, RISK_PROFILE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable risk profile of an identification run", e);
        }
    }

    public ProgrammeGapPage gaps(CurrentUser user, String regionId, @Nullable String municipalityId, LocalDate asOf,
                                 Connection.Request page) {
        String territory = ProgrammeAccess.requireGapViewer(user, regionId, municipalityId);
        List<ProgrammeRepository.GapRow> rows = repository.gapRows(regionId, territory);
        List<ProgrammeGap> gaps = new ArrayList<>();
        for (ProgrammeRepository.GapRow row : rows) {
            gapOf(row, asOf).ifPresent(gaps::add);
        }
        gaps.sort(Comparator.comparing((ProgrammeGap g) -> g.kind().ordinal()).thenComparing(ProgrammeGap::schoolId));
        return new ProgrammeGapPage(Connection.slice(gaps, page, ProgrammeGap::schoolId), rows.size());
    }

    /** Why the school is on the coordinator's list on {@code asOf}, if it is. */
    static Optional<ProgrammeGap> gapOf(ProgrammeRepository.GapRow row, LocalDate asOf) {
        List<SchoolProgramme> inForce = row.open().stream().filter(p -> p.status().inForce()).toList();
        if (!inForce.isEmpty()) {
            return inForce.stream().filter(p -> p.overdueOn(asOf)).findFirst()
                    .map(p -> new ProgrammeGap(row.schoolId(), row.statuses(), ProgrammeGap.Kind.OVERDUE, p, p.overdueMeasuresOn(asOf)));
        }
        return Optional.of(row.open().stream().filter(p -> p.status() == ProgrammeStatus.DRAFT).findFirst()
                .map(p -> new ProgrammeGap(row.schoolId(), row.statuses(), ProgrammeGap.Kind.AWAITING_AGREEMENT, p,
                        p.overdueMeasuresOn(asOf)))
                .orElse(new ProgrammeGap(row.schoolId(), row.statuses(), ProgrammeGap.Kind.NO_PROGRAMME, null, 0)));
    }

    // ------------------------------------------------------------------ writing

    public SchoolProgramme create(CurrentUser user, NewProgramme in) {
        School school = school(in.schoolId());
        ProgrammeAccess.requireSchoolEditor(user, school.id(), school.name());
        ProgrammeBasis basis = basisOf(school);
        checkTitle(in.title());
        checkPeriod(in.periodStart(), in.periodEnd());
        String riskFactor = checkRiskFactor(in.kind(), in.riskFactor(), basis);
        List<ProgrammeRepository.StoredGoal> goals = goals(in.goals(), basis);
        List<ProgrammeRepository.StoredTarget> targets = targets(in.targets(), in.periodStart(), in.periodEnd());
        String id = "PRG-" + UUID.randomUUID();
        repository.create(new ProgrammeRepository.StoredProgramme(id, school.id(), school.regionId(), school.municipalityId(),
                in.kind(), riskFactor, in.title().trim(), in.periodStart(), in.periodEnd(), ProgrammeStatus.DRAFT,
                user.username()), goals, targets);
        return repository.find(id).orElseThrow();
    }

    public SchoolProgramme update(CurrentUser user, String id, ProgrammeChange change) {
        return neo4j.write(tx -> {
            ProgrammeRepository.Header header = lock(tx, id);
            School school = school(tx, header.schoolId());
            ProgrammeAccess.requireSchoolEditor(user, school.id(), school.name());
            requireDraft(header, "изменить её");
            LocalDate start = change.periodStart() == null ? header.periodStart() : change.periodStart();
            LocalDate end = change.periodEnd() == null ? header.periodEnd() : change.periodEnd();
            if (change.title() != null) {
                checkTitle(change.title());
            }
            checkPeriod(start, end);
            String title = change.title() == null ? null : change.title().trim();
            List<ProgrammeRepository.StoredGoal> goals = change.goals() == null ? null : goals(change.goals(), basisOf(school));
            List<ProgrammeRepository.StoredTarget> targets = change.targets() == null ? null : targets(change.targets(), start, end);
            repository.update(tx, id, new ProgrammeRepository.ProgrammeFields(title, start, end), goals, targets, user.username());
            return repository.find(tx, id).orElseThrow();
        });
    }

    public SchoolProgramme changeStatus(CurrentUser user, String id, ProgrammeStatus to, @Nullable String comment) {
        return neo4j.write(tx -> {
            ProgrammeRepository.Header header = lock(tx, id);
            School school = school(tx, header.schoolId());
            // The caller's right comes first: an outsider learns nothing about which moves exist.
            if (to == ProgrammeStatus.AGREED || to == ProgrammeStatus.DRAFT) {
                ProgrammeAccess.requireMunicipality(user, header.regionId(), header.municipalityId(), school.name());
            } else {
                ProgrammeAccess.requireSchoolEditor(user, school.id(), school.name());
            }
            if (!header.status().canMoveTo(to)) {
                throw ApiException.conflict("Программу в статусе «" + header.status().label() + "» нельзя перевести в статус «"
                        + to.label() + "»");
            }
            String text = comment == null || comment.isBlank() ? null : comment.trim();
            if (to == ProgrammeStatus.DRAFT && text == null) {
                throw ApiException.badInput("comment: укажите, что школе нужно доработать в программе");
            }
            if (to == ProgrammeStatus.AGREED) {
                SchoolProgramme current = repository.find(tx, id).orElseThrow();
                if (current.goals().isEmpty() || current.measures().isEmpty()) {
                    throw ApiException.conflict("Программу без целей или без мероприятий нельзя согласовать");
                }
            }
            repository.setStatus(tx, id, to, user.username(), text);
            return repository.find(tx, id).orElseThrow();
        });
    }

    public ProgrammeMeasure addMeasure(CurrentUser user, String programmeId, MeasureInput in) {
        return neo4j.write(tx -> {
            ProgrammeRepository.Header header = lock(tx, programmeId);
            School school = school(tx, header.schoolId());
            ProgrammeAccess.requireSchoolEditor(user, school.id(), school.name());
            requireDraft(header, "добавить мероприятие");
            String title = required(in.title(), "title");
            String responsible = required(in.responsible(), "responsible");
            if (in.deadline() == null) {
                throw ApiException.badInput("deadline: обязательное поле не заполнено");
            }
            checkDeadline(in.deadline(), header);
            MeasureStatus status = in.status() == null ? MeasureStatus.PLANNED : in.status();
            String evidence = blankToNull(in.evidence());
            checkEvidence(status, evidence);
            checkGoal(tx, in.goalId(), programmeId);
            List<String> partnerIds = in.partnerIds() == null ? List.of() : List.copyOf(new HashSet<>(in.partnerIds()));
            partners.requireUsable(partnerIds, header.regionId(), header.municipalityId());
            String id = "PRM-" + UUID.randomUUID();
            repository.addMeasure(tx, programmeId, new ProgrammeRepository.StoredMeasure(id, in.goalId(), title, responsible,
                    in.deadline(), blankToNull(in.plannedResult()), status, evidence,
                    status == MeasureStatus.DONE ? LocalDate.now() : null), partnerIds);
            return repository.measure(tx, id).orElseThrow();
        });
    }

    public ProgrammeMeasure updateMeasure(CurrentUser user, String measureId, MeasureInput in) {
        return neo4j.write(tx -> {
            ProgrammeRepository.Header header = repository.lockOfMeasure(tx, measureId)
                    .orElseThrow(() -> ApiException.notFound("Мероприятие программы", ApiException.Gender.NEUTER, measureId));
            School school = school(tx, header.schoolId());
            ProgrammeAccess.requireSchoolEditor(user, school.id(), school.name());
            if (header.status() == ProgrammeStatus.COMPLETED) {
                throw ApiException.conflict("Программа завершена: её мероприятия больше не меняются");
            }
            if (header.status() != ProgrammeStatus.DRAFT && in.changesContent()) {
                throw ApiException.conflict("Программа согласована: у мероприятия можно менять только статус и подтверждение "
                        + "выполнения, остальное — после возврата программы на доработку");
            }
            ProgrammeMeasure current = repository.measure(tx, measureId).orElseThrow();
            String title = in.title() == null ? null : required(in.title(), "title");
            String responsible = in.responsible() == null ? null : required(in.responsible(), "responsible");
            if (in.deadline() != null) {
                checkDeadline(in.deadline(), header);
            }
            Optional<String> plannedResult = in.plannedResult() == null ? null : Optional.ofNullable(blankToNull(in.plannedResult()));
            if (in.goalId() != null) {
                checkGoal(tx, in.goalId(), header.id());
            }
            String evidence = in.evidence() == null ? current.evidence() : blankToNull(in.evidence());
            MeasureStatus status = in.status() == null ? current.status() : in.status();
            checkEvidence(status, evidence);
            // The evidence is always written; the status (with its date of completion) only when it changes.
            MeasureStatus newStatus = status != current.status() ? status : null;
            LocalDate doneOn = newStatus == MeasureStatus.DONE ? LocalDate.now() : null;
            List<String> partnerIds = in.partnerIds() == null ? null : List.copyOf(new HashSet<>(in.partnerIds()));
            if (partnerIds != null) {
                partners.requireUsable(partnerIds, header.regionId(), header.municipalityId());
            }
            repository.updateMeasure(tx, measureId, new ProgrammeRepository.MeasureChange(title, responsible, in.deadline(),
                    plannedResult, in.goalId(), Optional.ofNullable(evidence), newStatus, doneOn), partnerIds);
            return repository.measure(tx, measureId).orElseThrow();
        });
    }

    public SchoolProgramme removeMeasure(CurrentUser user, String measureId) {
        return neo4j.write(tx -> {
            ProgrammeRepository.Header header = repository.lockOfMeasure(tx, measureId)
                    .orElseThrow(() -> ApiException.notFound("Мероприятие программы", ApiException.Gender.NEUTER, measureId));
            School school = school(tx, header.schoolId());
            ProgrammeAccess.requireSchoolEditor(user, school.id(), school.name());
            requireDraft(header, "удалить мероприятие");
            repository.removeMeasure(tx, measureId);
            return repository.find(tx, header.id()).orElseThrow();
        });
    }

    // ------------------------------------------------------------------ checks

    private ProgrammeRepository.Header lock(TransactionContext tx, String id) {
        return repository.lock(tx, id).orElseThrow(() -> ApiException.notFound("Программа школы", ApiException.Gender.FEMININE, id));
    }

    private School school(String id) {
        return schools.byId(id).orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, id));
    }

    private static School school(TransactionContext tx, String id) {
        return SchoolDirectory.byId(tx, id).orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, id));
    }

    private static void requireDraft(ProgrammeRepository.Header header, String action) {
        if (header.status() != ProgrammeStatus.DRAFT) {
            throw ApiException.conflict("Программа в статусе «" + header.status().label() + "»: " + action
                    + " можно только в черновике (после возврата на доработку)");
        }
    }

    private static void checkTitle(String title) {
        required(title, "title");
        if (title.trim().length() > 300) {
            throw ApiException.badInput("title: название длиннее 300 символов");
        }
    }

    private static void checkPeriod(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw ApiException.badInput("periodEnd: окончание периода (" + end + ") раньше его начала (" + start + ")");
        }
        if (end.isAfter(start.plusYears(6))) {
            throw ApiException.badInput("periodEnd: программа рассчитана больше чем на шесть лет");
        }
    }

    private static @Nullable String checkRiskFactor(ProgrammeKind kind, @Nullable String riskFactor, ProgrammeBasis basis) {
        String code = blankToNull(riskFactor);
        if (kind != ProgrammeKind.ANTIRISK) {
            if (code != null) {
                throw ApiException.badInput("riskFactor: фактор риска указывается только у антирисковой программы");
            }
            return null;
        }
        if (code == null) {
            throw ApiException.badInput("riskFactor: у антирисковой программы должен быть фактор риска");
        }
        if (!knownRiskFactor(code)) {
            throw ApiException.badInput("riskFactor: неизвестный фактор риска «" + code + "»");
        }
        if (!basis.allows(GoalBasisKind.RISK_FACTOR, code)) {
            throw ApiException.badInput("riskFactor: фактор «" + RiskFactor.valueOf(code).label()
                    + "» не выявлен у школы последней идентификацией (нужен средний или высокий уровень)");
        }
        return code;
    }

    private static boolean knownRiskFactor(String code) {
        for (RiskFactor factor : RiskFactor.values()) {
            if (factor.name().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static List<ProgrammeRepository.StoredGoal> goals(List<GoalInput> goals, ProgrammeBasis basis) {
        List<ProgrammeRepository.StoredGoal> rows = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) {
            GoalInput goal = goals.get(i);
            String field = "goals[" + (i + 1) + "]";
            String text = required(goal.text(), field + ".text");
            String code = required(goal.basis(), field + ".basis");
            if (goal.basisKind() == GoalBasisKind.STATUS) {
                boolean known = false;
                for (SchoolStatus status : SchoolStatus.values()) {
                    known |= status.name().equals(code);
                }
                if (!known) {
                    throw ApiException.badInput(field + ".basis: неизвестный статус «" + code + "»");
                }
                if (!basis.allows(GoalBasisKind.STATUS, code)) {
                    throw ApiException.badInput(field + ".basis: статус «" + SchoolStatus.valueOf(code).label()
                            + "» школе не присвоен последней идентификацией");
                }
            } else {
                if (!knownRiskFactor(code)) {
                    throw ApiException.badInput(field + ".basis: неизвестный фактор риска «" + code + "»");
                }
                if (!basis.allows(GoalBasisKind.RISK_FACTOR, code)) {
                    throw ApiException.badInput(field + ".basis: фактор «" + RiskFactor.valueOf(code).label()
                            + "» не выявлен у школы последней идентификацией (нужен средний или высокий уровень)");
                }
            }
            rows.add(new ProgrammeRepository.StoredGoal("PRG-G-" + UUID.randomUUID(), goal.basisKind(), code, text));
        }
        return rows;
    }

    private static List<ProgrammeRepository.StoredTarget> targets(List<TargetInput> targets, LocalDate start, LocalDate end) {
        List<ProgrammeRepository.StoredTarget> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetInput target = targets.get(i);
            String field = "targets[" + (i + 1) + "]";
            String code = required(target.indicator(), field + ".indicator");
            TargetIndicator indicator = TargetIndicator.of(code).orElseThrow(() -> ApiException.badInput(field
                    + ".indicator: неизвестный показатель «" + code + "»; допустимы: " + String.join(", ", TargetIndicator.codes())));
            if (!seen.add(code)) {
                throw ApiException.badInput(field + ".indicator: показатель «" + indicator.label() + "» уже есть среди целевых значений");
            }
            int year = target.targetYear() == null ? end.getYear() : target.targetYear();
            if (year < start.getYear() || year > end.getYear()) {
                throw ApiException.badInput(field + ".targetYear: год " + year + " вне периода программы (" + start.getYear() + "–"
                        + end.getYear() + ")");
            }
            result.add(new ProgrammeRepository.StoredTarget("PRG-T-" + UUID.randomUUID(), code, target.baseline(), target.target(), year));
        }
        return result;
    }

    private static void checkDeadline(LocalDate deadline, ProgrammeRepository.Header header) {
        if (deadline.isBefore(header.periodStart()) || deadline.isAfter(header.periodEnd())) {
            throw ApiException.badInput("deadline: срок " + deadline + " вне периода программы (" + header.periodStart() + " — "
                    + header.periodEnd() + ")");
        }
    }

    private static void checkEvidence(MeasureStatus status, @Nullable String evidence) {
        if (status == MeasureStatus.DONE && evidence == null) {
            throw ApiException.badInput("evidence: у выполненного мероприятия должно быть подтверждение выполнения "
                    + "(документ, приказ, ссылка)");
        }
    }

    private void checkGoal(TransactionContext tx, @Nullable String goalId, String programmeId) {
        if (goalId != null && !repository.goalIds(tx, programmeId).contains(goalId)) {
            throw ApiException.badInput("goalId: цель " + goalId + " не относится к этой программе");
        }
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badInput(field + ": обязательное поле не заполнено");
        }
        return value.trim();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
