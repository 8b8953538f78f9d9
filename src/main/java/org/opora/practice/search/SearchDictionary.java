package org.opora.practice.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.opora.practice.PracticeRiskFactor;
import org.opora.practice.PracticeSubject;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The domain dictionary of practice search ({@code practice/search-dictionary.txt}): equivalents, narrower terms
 * and words that point at a facet value. Phrases are compared as sequences of Snowball stems, so a dictionary entry
 * matches the query in any inflection ("малокомплектной школе" names "малокомплектная школа").
 *
 * <p>Query-time expansion, not index-time synonyms: the dictionary can change without a re-index, multi-word and
 * one-way (hyponym) entries need no token-graph support from the Elasticsearch distribution (which has no
 * {@code synonym} filter), and the expansions get their own, lower weight.
 */
public final class SearchDictionary {

    public static final String RESOURCE = "practice/search-dictionary.txt";

    /** Words the stemmed Elasticsearch fields drop anyway; dropped here so "школы с низкими" = "школ низк". */
    private static final Set<String> STOP_WORDS = Set.of("в", "во", "на", "с", "со", "к", "ко", "по", "для", "и", "или", "о", "об",
            "от", "до", "из", "у", "за", "при", "а", "как", "the", "of");

    /** A phrase of the dictionary: its text (sent to Elasticsearch) and its stems (matched against the query). */
    public record Phrase(String text, List<String> stems) {
    }

    /** What a phrase of the query brings: other phrases to search, and facet values to boost. */
    public record Entry(Phrase phrase, List<Phrase> equivalents, List<Phrase> narrower, Set<String> subjects, Set<String> risks,
                        Set<Integer> grades) {
    }

    private final Map<List<String>, Entry> entries;

    private SearchDictionary(Map<List<String>, Entry> entries) {
        this.entries = entries;
    }

    /** The dictionary of the classpath resource. */
    public static SearchDictionary load() {
        try (InputStream in = SearchDictionary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses the dictionary text (format in the resource's header).
     *
     * @throws IllegalArgumentException naming the line of a malformed entry or an unknown facet code
     */
    public static SearchDictionary parse(String text) {
        Map<List<String>, Builder> builders = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = RESOURCE + ", line " + (n + 1) + ": ";
            if (line.startsWith("@")) {
                int colon = line.indexOf(':');
                String[] head = colon < 0 ? new String[0] : line.substring(1, colon).strip().split("\\s+", 2);
                if (head.length != 2) {
                    throw new IllegalArgumentException(where + "expected '@subject|@risk|@grades VALUE: words'");
                }
                for (String word : list(line.substring(colon + 1), where)) {
                    Builder b = builder(builders, phrase(word, where));
                    switch (head[0]) {
                        case "subject" -> b.subjects.add(code(PracticeSubject.class, head[1], where));
                        case "risk" -> b.risks.add(code(PracticeRiskFactor.class, head[1], where));
                        case "grades" -> {
                            for (String g : head[1].split(",")) {
                                int grade = Integer.parseInt(g.strip());
                                if (grade < 1 || grade > 11) {
                                    throw new IllegalArgumentException(where + "grade " + grade + " is not 1..11");
                                }
                                b.grades.add(grade);
                            }
                        }
                        default -> throw new IllegalArgumentException(where + "unknown facet '@" + head[0] + "'");
                    }
                }
            } else if (line.contains(">")) {
                String[] sides = line.split(">", -1);
                if (sides.length != 2) {
                    throw new IllegalArgumentException(where + "expected 'broader > narrower, narrower'");
                }
                Builder b = builder(builders, phrase(sides[0], where));
                for (String narrower : list(sides[1], where)) {
                    b.narrower.add(phrase(narrower, where));
                }
            } else {
                List<Phrase> group = Arrays.stream(line.split("\\|")).map(p -> phrase(p, where)).toList();
                if (group.size() < 2) {
                    throw new IllegalArgumentException(where + "expected 'a | b' (equivalents), 'a > b, c' or '@facet'");
                }
                for (Phrase p : group) {
                    Builder b = builder(builders, p);
                    group.stream().filter(o -> !o.stems().equals(p.stems())).forEach(b.equivalents::add);
                }
            }
        }
        Map<List<String>, Entry> entries = new LinkedHashMap<>();
        builders.forEach((stems, b) -> entries.put(stems, new Entry(b.phrase, List.copyOf(b.equivalents), List.copyOf(b.narrower),
                Set.copyOf(b.subjects), Set.copyOf(b.risks), new TreeSet<>(b.grades))));
        return new SearchDictionary(entries);
    }

    /** Entries whose phrase occurs in the query's stems, longest first, none inside a longer match. */
    public List<Entry> matches(List<String> queryStems) {
        List<Entry> found = new ArrayList<>();
        boolean[] covered = new boolean[queryStems.size()];
        List<Entry> byLength = new ArrayList<>(entries.values());
        byLength.sort((a, b) -> b.phrase().stems().size() - a.phrase().stems().size());
        for (Entry entry : byLength) {
            List<String> stems = entry.phrase().stems();
            for (int i = 0; i + stems.size() <= queryStems.size(); i++) {
                if (queryStems.subList(i, i + stems.size()).equals(stems) && !allCovered(covered, i, stems.size())) {
                    java.util.Arrays.fill(covered, i, i + stems.size(), true);
                    found.add(entry);
                    break;
                }
            }
        }
        return found;
    }

    /** Every entry, for tests and documentation. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * Lower-cased words (ё→е) of a text, split at anything but letters and digits, stop words dropped, each
     * reduced to its Snowball Russian stem.
     */
    public static List<String> stems(String text) {
        RussianStemmer stemmer = new RussianStemmer();
        List<String> stems = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).replace('ё', 'е').split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty() || STOP_WORDS.contains(word)) {
                continue;
            }
            stemmer.setCurrent(word);
            stemmer.stem();
            stems.add(stemmer.getCurrent());
        }
        return stems;
    }

    private static boolean allCovered(boolean[] covered, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (!covered[i]) {
                return false;
            }
        }
        return true;
    }

    private static Phrase phrase(String text, String where) {
        String t = text.strip();
        List<String> stems = stems(t);
        if (stems.isEmpty()) {
            throw new IllegalArgumentException(where + "empty phrase");
        }
        return new Phrase(t, stems);
    }

    private static List<String> list(String text, String where) {
        List<String> items = Arrays.stream(text.split(",")).map(String::strip).toList();
        if (items.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(where + "empty item in a list");
        }
        return items;
    }

    private static <E extends Enum<E>> String code(Class<E> type, String code, String where) {
        try {
            return Enum.valueOf(type, code).name();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "unknown " + type.getSimpleName() + " " + code);
        }
    }

    private static Builder builder(Map<List<String>, Builder> builders, Phrase phrase) {
        return builders.computeIfAbsent(phrase.stems(), s -> new Builder(phrase));
    }

    private static final class Builder {
        final Phrase phrase;
        final Set<Phrase> equivalents = new LinkedHashSet<>();
        final Set<Phrase> narrower = new LinkedHashSet<>();
        final Set<String> subjects = new LinkedHashSet<>();
        final Set<String> risks = new LinkedHashSet<>();
        final Set<Integer> grades = new LinkedHashSet<>();

        Builder(Phrase phrase) {
            this.phrase = phrase;
        }
    }
}
