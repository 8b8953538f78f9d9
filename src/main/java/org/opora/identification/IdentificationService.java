package org.opora.identification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.school.SchoolStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Runs the identification methods over a region and stores the dated, explainable result. */
@Singleton
public class IdentificationService {

    private static final Logger LOG = LoggerFactory.getLogger(IdentificationService.class);

    private final IdentificationRepository repository;
    private final ObjectMapper json;

    public IdentificationService(IdentificationRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    public IdentificationRun run(IdentificationParams params, CurrentUser user) {
        if (!user.coordinates(params.regionId(), null) || user.scope().municipalityId() != null) {
            throw ApiException.forbidden("Запуск идентификации доступен региональному координатору своего региона");
        }
        return run(params, user.username());
    }

    /** Also used by the demo loader and benchmarks, which act as the system rather than a user. */
    public IdentificationRun run(IdentificationParams params, String actor) {
        if (!repository.regionExists(params.regionId())) {
            throw ApiException.notFound("Регион", ApiException.Gender.MASCULINE, params.regionId());
        }
        long started = System.nanoTime();
        RegionData data = repository.load(params);
        if (data.results().isEmpty()) {
            throw ApiException.badInput("В регионе " + params.regionId() + " нет результатов за " + params.firstYear()
                    + "–" + params.year() + " годы: сначала импортируйте results.csv");
        }
        long loaded = System.nanoTime();
        IdentificationCalculator.Outcome outcome = new IdentificationCalculator(params).run(data);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SchoolStatus status : SchoolStatus.values()) {
            counts.put(status.name(), (int) outcome.assessments().stream()
                    .filter(a -> a.statusNames().contains(status.name())).count());
        }
        List<MethodCount> methodCounts = methodCounts(outcome.assessments());
        IdentificationRun run = new IdentificationRun(UUID.randomUUID().toString(), params.regionId(), params.year(),
                params.years(), params.methods().stream().map(Enum::name).sorted().toList(), write(params),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), actor, outcome.assessments().size(),
                write(counts), outcome.regression().intercept(), outcome.regression().slope(), outcome.regression().r2(),
                Double.isNaN(outcome.residualSd()) ? null : outcome.residualSd(), outcome.regressionSchools(),
                write(outcome.notes()), write(methodCounts), outcome.contextIndicators());
        long computed = System.nanoTime();
        repository.save(run, outcome.assessments());
        LOG.info("Identification run {} for {} {}: {} schools, {} results; load {} ms, compute {} ms, store {} ms; {}",
                run.id(), params.regionId(), params.year(), data.schoolIds().size(), data.results().size(),
                (loaded - started) / 1_000_000, (computed - loaded) / 1_000_000, (System.nanoTime() - computed) / 1_000_000, counts);
        return run;
    }

    /** What each method found by itself, and how many of those findings gave the school the status. */
    public record MethodCount(IdentificationMethod method, SchoolStatus status, int found, int decisive) {

        public String label() {
            return status.label();
        }
    }

    static List<MethodCount> methodCounts(List<Assessment> assessments) {
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (Assessment a : assessments) {
            for (Assessment.Finding f : a.findings()) {
                int[] c = counts.computeIfAbsent(f.method().ordinal() + "|" + f.status().ordinal(), k -> new int[2]);
                c[0]++;
                c[1] += f.decisive() ? 1 : 0;
            }
        }
        List<MethodCount> result = new java.util.ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\\|");
            result.add(new MethodCount(IdentificationMethod.values()[Integer.parseInt(parts[0])],
                    SchoolStatus.values()[Integer.parseInt(parts[1])], c[0], c[1]));
        });
        return result;
    }

    public List<IdentificationRun> runs(String regionId, String afterCreatedAt, int limit) {
        return repository.runs(regionId, afterCreatedAt, limit);
    }

    public long countRuns(String regionId) {
        return repository.countRuns(regionId);
    }

    public Optional<IdentificationRun> find(String runId) {
        return repository.find(runId);
    }

    /** A run's assessments, optionally only those with a status, ordered by school id after the cursor. */
    List<IdentificationRepository.StoredAssessment> assessments(String runId, String status, String afterSchoolId, int limit) {
        return repository.assessments(runId, status, afterSchoolId, limit);
    }

    long countAssessments(String runId, String status) {
        return repository.countAssessments(runId, status);
    }

    /** Schools' assessments in runs, in one query (the request loader of {@code School.assessment}). */
    Map<IdentificationRepository.AssessmentKey, IdentificationRepository.StoredAssessment> assessments(
            Collection<IdentificationRepository.AssessmentKey> keys) {
        return repository.assessments(keys);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
