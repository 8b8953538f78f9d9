package org.opora.support.roadmaps;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.neo4j.driver.TransactionContext;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Connection;
import org.opora.platform.neo4j.Neo4jSessions;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Roadmaps and their activities. Every change checks the caller against {@link RoadmapAccess} and writes in the same
 * transaction, after taking the roadmap's lock: a refused change leaves nothing behind. An XLSX import replaces all
 * activities of a roadmap at once or, when any row is bad, writes nothing and lists every bad row.
 */
@Singleton
public class RoadmapService {

    static final int MAX_TITLE = 500;
    /** An XLSX roadmap of a few thousand rows is well under this; the request limit (2 MB) is the outer bound. */
    static final int MAX_FILE_BYTES = 1_400_000;

    private final Neo4jSessions neo4j;
    private final RoadmapRepository roadmaps;

    public RoadmapService(Neo4jSessions neo4j, RoadmapRepository roadmaps) {
        this.neo4j = neo4j;
        this.roadmaps = roadmaps;
    }

    /** The day "overdue" is judged on: the server's date. */
    public static LocalDate today() {
        return LocalDate.now();
    }

    // ------------------------------------------------------------------ reading

    /** The roadmap if the caller may read it; FORBIDDEN outside their territory, NOT_FOUND when there is none. */
    public Roadmap roadmap(CurrentUser user, String id) {
        Roadmap roadmap = roadmaps.byId(id, today()).orElseThrow(() -> notFound(id));
        RoadmapAccess.requireRead(user, roadmap);
        return roadmap;
    }

    public Connection<Roadmap> roadmaps(CurrentUser user, String regionId, @Nullable String municipalityId, @Nullable String schoolId,
                                        @Nullable RoadmapLevel level, Connection.Request page) {
        RoadmapAccess.requireTerritory(user, regionId, municipalityId, schoolId);
        return roadmaps.inTerritory(regionId, municipalityId, schoolId, level, page, today());
    }

    public Map<String, List<RoadmapActivity>> activitiesOf(java.util.Collection<String> roadmapIds) {
        return roadmaps.activitiesOf(roadmapIds);
    }

    /** The roadmap as an XLSX workbook, for whoever may read it. */
    public Export export(CurrentUser user, String id) {
        Roadmap roadmap = roadmap(user, id);
        List<RoadmapActivity> activities = roadmaps.activitiesOf(List.of(id)).get(id);
        return new Export(roadmap, RoadmapXlsx.write(roadmap, activities, today()));
    }

    /** A workbook and the roadmap it was made from (for the file name). */
    public record Export(Roadmap roadmap, byte[] content) {
        public String fileName() {
            return "Дорожная карта — " + roadmap.title().replaceAll("[\\\\/:*?\"<>|]", " ") + ".xlsx";
        }
    }

    // ------------------------------------------------------------------ writing

    public Roadmap create(CurrentUser user, RoadmapLevel level, String territoryId, String title, LocalDate periodStart,
                          LocalDate periodEnd) {
        String cleanTitle = required("title", title, MAX_TITLE, "укажите название дорожной карты");
        if (periodStart == null || periodEnd == null) {
            throw ApiException.badInput("periodStart, periodEnd: укажите период дорожной карты");
        }
        if (periodEnd.isBefore(periodStart)) {
            throw ApiException.badInput("periodEnd: окончание периода (" + periodEnd + ") раньше его начала (" + periodStart + ")");
        }
        return neo4j.write(tx -> {
            Territory territory = roadmaps.territory(tx, level, territoryId).orElseThrow(() -> switch (level) {
                case REGION -> ApiException.notFound("Регион", ApiException.Gender.MASCULINE, territoryId);
                case MUNICIPALITY -> ApiException.notFound("Муниципалитет", ApiException.Gender.MASCULINE, territoryId);
                case SCHOOL -> ApiException.notFound("Школа", ApiException.Gender.FEMININE, territoryId);
            });
            RoadmapAccess.requireKeeper(user, territory);
            String id = "RM-" + UUID.randomUUID();
            roadmaps.create(tx, new RoadmapRepository.NewRoadmap(id, territory, cleanTitle, periodStart, periodEnd, user.username()));
            return roadmaps.byId(tx, id, today()).orElseThrow();
        });
    }

    public RoadmapActivity addActivity(CurrentUser user, String roadmapId, ActivityDraft draft) {
        ActivityDraft clean = check(draft);
        return neo4j.write(tx -> {
            lockForKeeper(tx, user, roadmapId);
            String id = roadmaps.append(tx, roadmapId, List.of(clean), List.of("RA-" + UUID.randomUUID())).get(0);
            return roadmaps.activity(tx, id).orElseThrow();
        });
    }

    public RoadmapActivity updateActivity(CurrentUser user, String activityId, ActivityDraft draft) {
        ActivityDraft clean = check(draft);
        return neo4j.write(tx -> {
            RoadmapActivity activity = lockActivity(tx, user, activityId);
            roadmaps.update(tx, activity.id(), clean);
            return roadmaps.activity(tx, activityId).orElseThrow();
        });
    }

    public RoadmapActivity setStatus(CurrentUser user, String activityId, RoadmapActivityStatus status, @Nullable String actualResult) {
        if (status == null) {
            throw ApiException.badInput("status: укажите статус мероприятия");
        }
        String actual = optional("actualResult", actualResult, RoadmapXlsx.MAX_TEXT);
        return neo4j.write(tx -> {
            lockActivity(tx, user, activityId);
            roadmaps.setStatus(tx, activityId, status, actual);
            return roadmaps.activity(tx, activityId).orElseThrow();
        });
    }

    public Roadmap removeActivity(CurrentUser user, String activityId) {
        return neo4j.write(tx -> {
            RoadmapActivity activity = lockActivity(tx, user, activityId);
            roadmaps.remove(tx, activityId);
            return roadmaps.byId(tx, activity.roadmapId(), today()).orElseThrow();
        });
    }

    /**
     * Replaces all activities of the roadmap by those of the workbook ({@code base64} of an .xlsx file). The file is read
     * and checked before the transaction opens; any bad row refuses the whole file with every problem listed.
     */
    public Roadmap importXlsx(CurrentUser user, String roadmapId, String base64) {
        // The rights are checked before the file is even read, so an outsider learns nothing from the file's errors.
        Roadmap target = roadmaps.byId(roadmapId, today()).orElseThrow(() -> notFound(roadmapId));
        RoadmapAccess.requireKeeper(user, target);
        byte[] content;
        try {
            content = Base64.getDecoder().decode(base64 == null ? "" : base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("content: ожидается содержимое файла XLSX в кодировке Base64");
        }
        if (content.length == 0) {
            throw ApiException.badInput("content: файл пуст");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw ApiException.badInput("content: файл больше " + MAX_FILE_BYTES / 1000 + " КБ");
        }
        RoadmapXlsx.Parsed parsed = RoadmapXlsx.read(content);
        if (!parsed.accepted()) {
            throw ApiException.badInput("Файл отклонён, ничего не записано: ошибок " + parsed.problems().size()
                    + ". Первая: " + parsed.problems().get(0), parsed.problems().stream().map(RowProblem::toMap).toList());
        }
        return neo4j.write(tx -> {
            lockForKeeper(tx, user, roadmapId);
            roadmaps.removeAll(tx, roadmapId);
            List<ActivityDraft> activities = parsed.activities();
            roadmaps.append(tx, roadmapId, activities,
                    IntStream.range(0, activities.size()).mapToObj(i -> "RA-" + UUID.randomUUID()).toList());
            return roadmaps.byId(tx, roadmapId, today()).orElseThrow();
        });
    }

    // ------------------------------------------------------------------ checks

    /** Locks the roadmap (stamping the change) and checks that the caller keeps it; NOT_FOUND / FORBIDDEN roll back. */
    private Roadmap lockForKeeper(TransactionContext tx, CurrentUser user, String roadmapId) {
        Roadmap roadmap = roadmaps.byId(tx, roadmapId, today()).orElseThrow(() -> notFound(roadmapId));
        RoadmapAccess.requireKeeper(user, roadmap);
        roadmaps.touch(tx, roadmapId, user.username());
        return roadmap;
    }

    private RoadmapActivity lockActivity(TransactionContext tx, CurrentUser user, String activityId) {
        RoadmapActivity activity = roadmaps.activity(tx, activityId)
                .orElseThrow(() -> ApiException.notFound("Мероприятие дорожной карты", ApiException.Gender.NEUTER, activityId));
        lockForKeeper(tx, user, activity.roadmapId());
        return activity;
    }

    static ActivityDraft check(ActivityDraft d) {
        if (d.deadline() == null) {
            throw ApiException.badInput("deadline: укажите срок мероприятия");
        }
        return new ActivityDraft(
                optional("section", d.section(), RoadmapXlsx.MAX_SHORT_TEXT),
                required("title", d.title(), RoadmapXlsx.MAX_TEXT, "укажите мероприятие"),
                d.deadline(),
                required("responsible", d.responsible(), RoadmapXlsx.MAX_SHORT_TEXT, "укажите ответственного (человека или организацию)"),
                optional("plannedResult", d.plannedResult(), RoadmapXlsx.MAX_TEXT),
                d.status() == null ? RoadmapActivityStatus.PLANNED : d.status(),
                optional("actualResult", d.actualResult(), RoadmapXlsx.MAX_TEXT));
    }

    private static String required(String field, @Nullable String value, int max, String whenMissing) {
        String clean = optional(field, value, max);
        if (clean == null) {
            throw ApiException.badInput(field + ": " + whenMissing);
        }
        return clean;
    }

    @Nullable
    private static String optional(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.trim();
        if (clean.length() > max) {
            throw ApiException.badInput(field + ": текст длиннее " + max + " знаков (" + clean.length() + ")");
        }
        return clean;
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("Дорожная карта", ApiException.Gender.FEMININE, id);
    }
}
