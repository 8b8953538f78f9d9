package org.opora.practice;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Reads practices from Neo4j and derives their views (outcomes of adoptions, evidence level). */
@Singleton
public class PracticeViews {

    private final PracticeRepository repository;
    private final double minImprovement;

    public PracticeViews(PracticeRepository repository,
                         @Value("${opora.practice.min-improvement:1.0}") double minImprovement) {
        this.repository = repository;
        this.minImprovement = minImprovement;
    }

    /** Percentage points of the scale from which a change after adoption counts as an improvement. */
    public double minImprovement() {
        return minImprovement;
    }

    public Optional<PracticeView> find(String id) {
        return views(List.of(id)).stream().findFirst();
    }

    public List<PracticeView> views(Collection<String> ids) {
        return views(repository.findAll(ids), null);
    }

    /** Views of already loaded practices; {@code results} may be given when the caller has them. */
    public List<PracticeView> views(List<StoredPractice> stored, Map<String, List<ResultPoint>> results) {
        Map<String, List<ResultPoint>> resultsBySchool = results;
        if (resultsBySchool == null) {
            Set<String> adopters = stored.stream().flatMap(p -> p.adoptions().stream()).map(a -> a.school().id())
                    .collect(Collectors.toSet());
            resultsBySchool = repository.results(adopters);
        }
        Map<String, List<ResultPoint>> finalResults = resultsBySchool;
        return stored.stream().map(p -> PracticeDocuments.view(p, finalResults, minImprovement)).toList();
    }
}
