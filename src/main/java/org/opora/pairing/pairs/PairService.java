package org.opora.pairing.pairs;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.pairing.region.CandidateExplanation;
import org.opora.pairing.region.PairScorer;
import org.opora.pairing.region.PairingAccess;
import org.opora.pairing.region.PartnerPool;
import org.opora.pairing.region.RegionSnapshot;
import org.opora.pairing.region.RegionSnapshotCache;
import org.opora.pairing.region.SchoolRow;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Connection;
import org.opora.platform.neo4j.Neo4jSessions;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The life cycle of network pairs and their joint plans. Every change is checked and applied in one
 * write transaction that first takes a lock (the region for a new pair, the pair itself otherwise),
 * so a refused change leaves nothing behind and two concurrent changes cannot both pass a check.
 */
@Singleton
public class PairService {

    static final int MAX_TEXT = 2_000;

    private final Neo4jSessions neo4j;
    private final PairRepository pairs;
    private final RegionSnapshotCache snapshots;

    public PairService(Neo4jSessions neo4j, PairRepository pairs, RegionSnapshotCache snapshots) {
        this.neo4j = neo4j;
        this.pairs = pairs;
        this.snapshots = snapshots;
    }

    // ------------------------------------------------------------------ creating

    public NetworkPair create(CurrentUser user, String menteeId, String leaderId, @Nullable String note, @Nullable String proposalId) {
        String cleanNote = optionalText("note", note);
        if (menteeId.equals(leaderId)) {
            throw ApiException.badInput("Школа не может быть парой сама себе");
        }
        Scored scored = score(menteeId, leaderId);
        return neo4j.write(tx -> {
            SchoolRow mentee = pairs.school(tx, menteeId).orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, menteeId));
            SchoolRow leader = pairs.school(tx, leaderId).orElseThrow(() -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, leaderId));
            if (mentee.regionId() == null || !mentee.regionId().equals(leader.regionId())) {
                throw ApiException.badInput("Школы пары должны быть из одного региона");
            }
            PairingAccess.requireCoordinator(user, mentee, leader);
            if (!mentee.statuses().contains(PartnerPool.LOW_RESULTS) && !mentee.statuses().contains(PartnerPool.UNFAVOURABLE_CONTEXT)) {
                throw ApiException.badInput("Школа «" + mentee.name() + "» не отнесена ни к ШНОР, ни к ШНСУ по последнему выявлению: "
                        + "сетевая пара создаётся для школы с низкими результатами или в неблагоприятных социальных условиях");
            }
            if (leader.statuses().contains(PartnerPool.LOW_RESULTS)) {
                throw ApiException.badInput("Школа «" + leader.name() + "» сама относится к ШНОР и не может быть школой-лидером пары");
            }
            pairs.lockRegion(tx, mentee.regionId());
            Optional<String> open = pairs.openPairAsMentee(tx, menteeId);
            if (open.isPresent()) {
                throw ApiException.conflict("У школы «" + mentee.name() + "» уже есть незавершённая сетевая пара " + open.get()
                        + ": завершите или отмените её, прежде чем создавать новую");
            }
            int capacity = pairs.settingsIn(tx, mentee.regionId()).capacity();
            int load = pairs.openPairsAsLeader(tx, leaderId);
            if (load >= capacity) {
                throw ApiException.conflict("Школа-лидер «" + leader.name() + "» уже поддерживает " + load
                        + " школ(ы) — это предел региона (" + capacity + ")");
            }
            return pairs.create(tx, new PairRepository.NewPair("NP-" + UUID.randomUUID(), mentee, leader,
                    scored == null ? null : scored.score, scored == null ? null : scored.summary, proposalId, cleanNote,
                    user.username()));
        });
    }

    private record Scored(double score, String summary) {
    }

    /** The couple's score at creation time, kept on the pair; null when the schools are not comparable. */
    @Nullable
    private Scored score(String menteeId, String leaderId) {
        Optional<PairRepository.LiveState> live = pairs.liveStateOfSchool(menteeId);
        if (live.isEmpty()) {
            return null;
        }
        RegionSnapshot snapshot = snapshots.get(live.get().regionId(), live.get().fingerprint());
        Integer m = snapshot.indexOf(menteeId);
        Integer c = snapshot.indexOf(leaderId);
        if (m == null || c == null) {
            return null;
        }
        PairScorer scorer = new PairScorer(snapshot, live.get().settings());
        int[] open = live.get().openPairsByLeader(snapshot);
        int load = Math.min(open[c], live.get().settings().capacity());
        Double km = scorer.distanceKm(m, c);
        CandidateExplanation explanation = scorer.explain(scorer.mentee(m), c, load, km);
        double total = explanation.context().contribution() + explanation.resultGap().contribution()
                + explanation.typeSize().contribution() + explanation.proximity().contribution()
                + explanation.capacity().contribution();
        return new Scored(total, explanation.summary());
    }

    // ------------------------------------------------------------------ life cycle

    public NetworkPair agree(CurrentUser user, String id, LocalDate agreementDate, String agreementRef) {
        String ref = requiredText("agreementRef", agreementRef);
        if (agreementDate == null) {
            throw ApiException.badInput("agreementDate: укажите дату соглашения");
        }
        if (agreementDate.isAfter(LocalDate.now().plusDays(1))) {
            throw ApiException.badInput("agreementDate: дата соглашения не может быть в будущем");
        }
        Map<String, Object> props = new HashMap<>();
        props.put("agreementDate", agreementDate);
        props.put("agreementRef", ref);
        return transition(user, id, PairStatus.AGREED, props, pair -> { });
    }

    public NetworkPair activate(CurrentUser user, String id, @Nullable LocalDate startDate) {
        LocalDate start = startDate == null ? LocalDate.now() : startDate;
        Map<String, Object> props = new HashMap<>();
        props.put("startDate", start);
        return transition(user, id, PairStatus.ACTIVE, props, pair -> {
            if (pair.agreementDate() != null && start.isBefore(pair.agreementDate())) {
                throw ApiException.badInput("startDate: пара не может начать работу (" + start + ") раньше даты соглашения ("
                        + pair.agreementDate() + ")");
            }
        });
    }

    public NetworkPair complete(CurrentUser user, String id, @Nullable LocalDate endDate, @Nullable String summary) {
        LocalDate end = endDate == null ? LocalDate.now() : endDate;
        Map<String, Object> props = new HashMap<>();
        props.put("endDate", end);
        props.put("summary", optionalText("summary", summary));
        return transition(user, id, PairStatus.COMPLETED, props, pair -> {
            if (pair.startDate() != null && end.isBefore(pair.startDate())) {
                throw ApiException.badInput("endDate: дата завершения (" + end + ") раньше начала работы пары ("
                        + pair.startDate() + ")");
            }
        });
    }

    public NetworkPair cancel(CurrentUser user, String id, String reason) {
        Map<String, Object> props = new HashMap<>();
        props.put("cancelReason", requiredText("reason", reason));
        props.put("endDate", LocalDate.now());
        return transition(user, id, PairStatus.CANCELLED, props, pair -> { });
    }

    private interface Check {
        void accept(NetworkPair pair);
    }

    /**
     * Locks the pair, checks the caller and the transition (the state machine in {@link PairStatus}),
     * then writes status, properties and a history entry with a status precondition.
     */
    private NetworkPair transition(CurrentUser user, String id, PairStatus target, Map<String, Object> properties, Check check) {
        return neo4j.write(tx -> {
            NetworkPair pair = pairs.lock(tx, id).orElseThrow(() -> ApiException.notFound("Сетевая пара", ApiException.Gender.FEMININE, id));
            PairingAccess.requireCoordinator(user, pair.mentee(), pair.leader());
            pair.status().requireMoveTo(target);
            check.accept(pair);
            Map<String, Object> details = new LinkedHashMap<>();
            properties.forEach((key, value) -> {
                if (value != null) {
                    details.put(key, value instanceof LocalDate ? value.toString() : value);
                }
            });
            if (!pairs.transition(tx, id, pair.status(), target, properties, user.username(), details)) {
                throw ApiException.conflict("Сетевая пара " + id + " была изменена одновременно с вашим запросом; "
                        + "обновите данные и повторите. Ничего не изменено.");
            }
            return pairs.find(tx, id).orElseThrow();
        });
    }

    // ------------------------------------------------------------------ plan

    public PlanActivity addActivity(CurrentUser user, String pairId, ActivityInput input) {
        Map<String, Object> fields = input.fields(true);
        return neo4j.write(tx -> {
            NetworkPair pair = pairs.lock(tx, pairId).orElseThrow(() -> ApiException.notFound("Сетевая пара", ApiException.Gender.FEMININE, pairId));
            PairAccess.requirePlanEditor(user, pair);
            requirePlanEditable(pair);
            PlanActivity activity = pairs.addActivity(tx, pairId, "PA-" + UUID.randomUUID(), fields, user.username());
            pairs.addEvent(tx, pairId, PairEventAction.ACTIVITY_ADDED, user.username(),
                    PairRepository.detailsOf("activityId", activity.id(), "title", activity.title(),
                            "deadline", activity.deadline(), "responsible", activity.responsible(),
                            "plannedResult", activity.plannedResult(), "status", activity.status().name()));
            return activity;
        });
    }

    public PlanActivity updateActivity(CurrentUser user, String activityId, ActivityInput input) {
        Map<String, Object> fields = input.fields(false);
        if (fields.isEmpty()) {
            throw ApiException.badInput("Не указано ни одного изменяемого поля мероприятия");
        }
        return neo4j.write(tx -> {
            String pairId = pairs.pairOfActivity(tx, activityId).orElseThrow(() -> ApiException.notFound("Мероприятие плана", ApiException.Gender.NEUTER, activityId));
            NetworkPair pair = pairs.lock(tx, pairId).orElseThrow();
            PairAccess.requirePlanEditor(user, pair);
            requirePlanEditable(pair);
            PlanActivity before = pairs.activity(tx, activityId).orElseThrow();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("activityId", activityId);
            changes.put("title", before.title());
            Map<String, Object> previous = new HashMap<>();
            previous.put("title", before.title());
            previous.put("deadline", before.deadline());
            previous.put("responsible", before.responsible());
            previous.put("plannedResult", before.plannedResult());
            previous.put("status", before.status().name());
            Map<String, Object> changed = new LinkedHashMap<>();
            fields.forEach((key, value) -> {
                Object was = previous.get(key);
                if (!Objects.equals(was, value)) {
                    Map<String, Object> change = new LinkedHashMap<>();
                    change.put("from", was == null ? null : was.toString());
                    change.put("to", value == null ? null : value.toString());
                    changed.put(key, change);
                }
            });
            if (changed.isEmpty()) {
                return before;
            }
            changes.put("changes", changed);
            PlanActivity after = pairs.updateActivity(tx, activityId, fields, user.username());
            pairs.addEvent(tx, pairId, PairEventAction.ACTIVITY_UPDATED, user.username(), changes);
            return after;
        });
    }

    public NetworkPair removeActivity(CurrentUser user, String activityId) {
        return neo4j.write(tx -> {
            String pairId = pairs.pairOfActivity(tx, activityId).orElseThrow(() -> ApiException.notFound("Мероприятие плана", ApiException.Gender.NEUTER, activityId));
            NetworkPair pair = pairs.lock(tx, pairId).orElseThrow();
            PairAccess.requirePlanEditor(user, pair);
            requirePlanEditable(pair);
            PlanActivity before = pairs.activity(tx, activityId).orElseThrow();
            pairs.removeActivity(tx, activityId);
            pairs.addEvent(tx, pairId, PairEventAction.ACTIVITY_REMOVED, user.username(),
                    PairRepository.detailsOf("activityId", activityId, "title", before.title()));
            return pairs.find(tx, pairId).orElseThrow();
        });
    }

    private static void requirePlanEditable(NetworkPair pair) {
        if (!pair.status().planEditable()) {
            throw ApiException.conflict("План пары в состоянии «" + pair.status().label() + "» изменять нельзя. Ничего не изменено.");
        }
    }

    /** The fields of an activity as given by a client; {@code null} means "not given" on update. */
    public record ActivityInput(@Nullable String title, @Nullable LocalDate deadline, @Nullable String responsible,
                                @Nullable String plannedResult, @Nullable ActivityStatus status,
                                boolean clearDeadline) {

        Map<String, Object> fields(boolean creating) {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (creating || title != null) {
                fields.put("title", requiredText("title", title));
            }
            if (deadline != null) {
                fields.put("deadline", deadline);
            } else if (clearDeadline) {
                fields.put("deadline", null);
            }
            if (responsible != null) {
                fields.put("responsible", optionalText("responsible", responsible));
            }
            if (plannedResult != null) {
                fields.put("plannedResult", optionalText("plannedResult", plannedResult));
            }
            if (status != null || creating) {
                fields.put("status", (status == null ? ActivityStatus.PLANNED : status).name());
            }
            return fields;
        }
    }

    // ------------------------------------------------------------------ reading

    public NetworkPair pair(CurrentUser user, String id) {
        NetworkPair pair = pairs.find(id).orElseThrow(() -> ApiException.notFound("Сетевая пара", ApiException.Gender.FEMININE, id));
        PairAccess.requireSee(user, pair);
        return pair;
    }

    public Connection<NetworkPair> list(CurrentUser user, String regionId, @Nullable List<PairStatus> statuses,
                                        @Nullable String municipalityId, @Nullable String schoolId, Connection.Request page) {
        if (!user.isAdmin() && user.scope().regionId() != null && !user.scope().regionId().equals(regionId)) {
            throw ApiException.forbidden("Сетевые пары региона " + regionId + " вне вашей территории");
        }
        return pairs.list(new PairRepository.PairFilter(regionId,
                statuses == null || statuses.isEmpty() ? null : statuses.stream().map(Enum::name).toList(),
                municipalityId, schoolId,
                user.isAdmin() ? null : user.scope().municipalityId(),
                user.isAdmin() ? null : user.scope().schoolId()), page);
    }

    /**
     * News of the joint plans of the caller's own school (school administration only; others get an empty list):
     * activities the partner changed since the moment, and overdue ones.
     */
    public List<PairRepository.SchoolActivity> activityNews(CurrentUser user, ZonedDateTime since) {
        if (!user.has(Role.SCHOOL_ADMIN) || user.scope().schoolId() == null) {
            return List.of();
        }
        return pairs.activityNews(user.scope().schoolId(), user.username(), since);
    }

    /** The joint plans of pairs the caller already sees (child field of a pair), by pair id. */
    public Map<String, List<PlanActivity>> plans(Collection<String> pairIds) {
        return pairs.activitiesOf(pairIds);
    }

    /** The histories of pairs the caller already sees (child field of a pair), by pair id. */
    public Map<String, List<PairEvent>> histories(Collection<String> pairIds) {
        return pairs.historyOf(pairIds);
    }

    // ------------------------------------------------------------------ text checks

    static String requiredText(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badInput(field + ": обязательное поле не заполнено");
        }
        return optionalText(field, value);
    }

    @Nullable
    static String optionalText(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw ApiException.badInput(field + ": не длиннее " + MAX_TEXT + " символов");
        }
        return value.trim();
    }
}
