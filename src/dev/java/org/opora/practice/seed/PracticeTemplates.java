package org.opora.practice.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Texts the generator combines into practices: archetypes per risk factor (with placeholders) and hand-written
 * examples, read from the resource {@value #RESOURCE} (UTF-8 JSON; metrics are named once and referred to by name).
 * Placeholders: {@code {settlement}} «села» or «города», {@code {gen}} the subject in the genitive («математики»),
 * {@code {dat}} in the dative («математике»), {@code {grades}} «5–7 классов», {@code {grade}} one grade, {@code {place}}
 * «сельской школе» or «городской школе». The generator's output depends on the order of the lists: append, do not
 * reorder, or the seed practices (and the tests' expected figures) change.
 */
final class PracticeTemplates {

    static final String RESOURCE = "/practice/seed/practice-templates.json";

    private PracticeTemplates() {
    }

    /**
     * A measurable result. {@code text} may use the placeholders; {@code gender} of its head noun picks the verb
     * («доля снизилась», «средний балл вырос», «число снизилось»).
     */
    record Metric(String text, char gender, String unit, double beforeMin, double beforeMax, double changeMin, double changeMax,
                  boolean higherIsBetter, int decimals) {
    }

    /**
     * A kind of practice addressing a risk factor.
     *
     * @param subjects  subjects the practice is done in; titles use {gen}/{dat} only when all are school subjects
     * @param also      further risk factors it addresses
     * @param level     usual level (the generator sometimes raises it)
     */
    record Archetype(String factor, List<String> also, List<String> titles, String summary, String core, List<String> steps,
                     String resources, List<String> subjects, int gradeFrom, int gradeTo, String level, List<Metric> metrics) {
    }

    /** A practice written by hand, complete (the generator only picks its school, people and dates). */
    record Handwritten(String title, String summary, String description, List<String> subjects, List<Integer> grades,
                       String level, List<String> riskFactors, String resources, String evidenceSummary,
                       List<Metric> metrics, boolean rural) {
    }

    /** The resource as written: metrics by name, archetypes and examples naming their metrics. */
    private record Texts(Map<String, List<String>> subjectForms, Map<String, Metric> metrics,
                         Map<String, List<String>> problems, List<String> advice, List<String> noData,
                         List<String> rejectionReasons, List<String> adoptionNotes, List<ArchetypeText> archetypes,
                         List<HandwrittenText> handwritten) {
    }

    private record ArchetypeText(String factor, List<String> also, List<String> titles, String summary, String core,
                                 List<String> steps, String resources, List<String> subjects, int gradeFrom, int gradeTo,
                                 String level, List<String> metrics) {
    }

    private record HandwrittenText(String title, String summary, String description, List<String> subjects,
                                   List<Integer> grades, String level, List<String> riskFactors, String resources,
                                   String evidenceSummary, List<String> metrics, boolean rural) {
    }

    private static final Texts TEXTS = load();

    /** Genitive and dative of the school subjects that titles may name. */
    static final Map<String, String[]> SUBJECT_FORMS = subjectForms();

    /** One or two sentences on the problem, per factor. */
    static final Map<String, List<String>> PROBLEMS = Map.copyOf(TEXTS.problems());

    static final List<String> ADVICE = List.copyOf(TEXTS.advice());

    static final List<String> NO_DATA = List.copyOf(TEXTS.noData());

    static final List<String> REJECTION_REASONS = List.copyOf(TEXTS.rejectionReasons());

    static final List<String> ADOPTION_NOTES = List.copyOf(TEXTS.adoptionNotes());

    static final List<Archetype> ARCHETYPES = TEXTS.archetypes().stream()
            .map(a -> new Archetype(a.factor(), a.also(), a.titles(), a.summary(), a.core(), a.steps(), a.resources(),
                    a.subjects(), a.gradeFrom(), a.gradeTo(), a.level(), metrics(a.metrics())))
            .toList();

    static final List<Handwritten> HANDWRITTEN = TEXTS.handwritten().stream()
            .map(h -> new Handwritten(h.title(), h.summary(), h.description(), h.subjects(), h.grades(), h.level(),
                    h.riskFactors(), h.resources(), h.evidenceSummary(), metrics(h.metrics()), h.rural()))
            .toList();

    private static Texts load() {
        try (InputStream in = PracticeTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(in, Texts.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static Map<String, String[]> subjectForms() {
        Map<String, String[]> forms = new LinkedHashMap<>();
        TEXTS.subjectForms().forEach((subject, genitiveDative) -> forms.put(subject, genitiveDative.toArray(String[]::new)));
        return Map.copyOf(forms);
    }

    private static List<Metric> metrics(List<String> names) {
        return names.stream().map(name -> {
            Metric metric = TEXTS.metrics().get(name);
            if (metric == null) {
                throw new IllegalStateException(RESOURCE + ": unknown metric " + name);
            }
            return metric;
        }).toList();
    }
}
