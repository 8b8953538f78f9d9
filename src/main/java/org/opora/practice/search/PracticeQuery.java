package org.opora.practice.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a search text asks for, understood once per search (see docs/practice.md, "Query syntax").
 *
 * <ul>
 *   <li>{@code "…"} (or «…», “…”): a phrase that must occur; {@code -word} or {@code -"phrase"}: exclude it;
 *       {@code NOT word} is the same as {@code -word}; {@code AND} and {@code OR} are dropped (every query ranks
 *       practices by how many of its words they contain). Anything else is plain text.</li>
 *   <li>Grades: «8 класс», «8-9 классы», «в 9-м классе», «5 кл.» leave the text and become {@code grades}.</li>
 *   <li>Emoji and symbols are dropped.</li>
 *   <li>The domain dictionary adds equivalent and narrower phrases ({@code expansions}) and facet hints
 *       (subjects, risk factors and grades named by words such as «математика», «ОВЗ», «ОГЭ»).</li>
 * </ul>
 *
 * @param phrases    quoted phrases that must occur
 * @param free       the plain text (without phrases, exclusions, operators, grades and symbols)
 * @param excluded   words and phrases a practice must not contain
 * @param grades     grades the text names explicitly
 * @param hintGrades grades implied by words (ОГЭ → 9)
 * @param subjects   subject codes named by words of the text
 * @param risks      risk factor codes named by words of the text
 * @param expansions dictionary phrases to search as well, with their weight
 */
public record PracticeQuery(List<String> phrases, String free, List<String> excluded, Set<Integer> grades, Set<Integer> hintGrades,
                            Set<String> subjects, Set<String> risks, List<Expansion> expansions) {

    /** A phrase from the dictionary searched as well: equivalents weigh more than narrower terms. */
    public record Expansion(String text, float weight) {
    }

    static final float EQUIVALENT_WEIGHT = 0.8f;
    static final float NARROWER_WEIGHT = 0.6f;

    /** An optionally excluded quoted phrase; the opening quote may be « “ „ or ". */
    private static final Pattern QUOTED = Pattern.compile("(?<![\\p{L}\\p{N}])(-?)\"([^\"]*)\"?");
    private static final Pattern GRADES = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(\\d{1,2})(?:\\s*[-–—]\\s*(\\d{1,2}))?(?:\\s*-?\\s*(?:[а-я]{1,3}))?\\s*(?:класс[а-я]*|кл(?![а-я])\\.?)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Everything but letters, digits, spaces, quotes and the punctuation words and ranges are made of. */
    private static final Pattern SYMBOLS = Pattern.compile("[^\\p{L}\\p{N}\\s\"\\-–—.,:;()/'’]");

    public static PracticeQuery parse(String text, SearchDictionary dictionary) {
        String cleaned = SYMBOLS.matcher(text.replaceAll("[«»“”„]", "\"")).replaceAll(" ");
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(cleaned);
        StringBuilder rest = new StringBuilder();
        while (quoted.find()) {
            String phrase = quoted.group(2).strip().replaceAll("\\s+", " ");
            if (!SearchDictionary.stems(phrase).isEmpty()) {
                (quoted.group(1).isEmpty() ? phrases : excluded).add(phrase);
            }
            quoted.appendReplacement(rest, " ");
        }
        quoted.appendTail(rest);

        Set<Integer> grades = new TreeSet<>();
        Matcher grade = GRADES.matcher(rest.toString());
        StringBuilder withoutGrades = new StringBuilder();
        while (grade.find()) {
            int from = Integer.parseInt(grade.group(1));
            int to = grade.group(2) == null ? from : Integer.parseInt(grade.group(2));
            for (int g = Math.max(1, from); g <= Math.min(11, to); g++) {
                grades.add(g);
            }
            grade.appendReplacement(withoutGrades, " ");
        }
        grade.appendTail(withoutGrades);

        List<String> words = new ArrayList<>();
        String[] tokens = withoutGrades.toString().strip().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("AND") || token.equals("OR")) {
                continue;
            }
            if (token.equals("NOT") && i + 1 < tokens.length) {
                addWord(excluded, tokens[++i]);
            } else if (token.startsWith("-") || token.startsWith("–")) {
                addWord(excluded, token.replaceFirst("^[-–—]+", ""));
            } else {
                addWord(words, token);
            }
        }
        String free = String.join(" ", words);

        Set<Integer> hintGrades = new TreeSet<>();
        Set<String> subjects = new LinkedHashSet<>();
        Set<String> risks = new LinkedHashSet<>();
        List<Expansion> expansions = new ArrayList<>();
        List<String> queryStems = new ArrayList<>(SearchDictionary.stems(free));
        Set<List<String>> seen = new HashSet<>();
        List<List<String>> searched = new ArrayList<>();
        for (String phrase : phrases) {
            searched.add(SearchDictionary.stems(phrase));
        }
        searched.add(queryStems);
        for (List<String> stems : searched) {
            for (SearchDictionary.Entry entry : dictionary.matches(stems)) {
                subjects.addAll(entry.subjects());
                risks.addAll(entry.risks());
                hintGrades.addAll(entry.grades());
                for (SearchDictionary.Phrase p : entry.equivalents()) {
                    addExpansion(expansions, seen, queryStems, p, EQUIVALENT_WEIGHT);
                }
                for (SearchDictionary.Phrase p : entry.narrower()) {
                    addExpansion(expansions, seen, queryStems, p, NARROWER_WEIGHT);
                }
            }
        }
        return new PracticeQuery(List.copyOf(phrases), free, List.copyOf(excluded), grades, hintGrades, subjects, risks,
                List.copyOf(expansions));
    }

    /** True when the text asks for nothing but grades (then they filter instead of boosting). */
    public boolean onlyGrades() {
        return phrases.isEmpty() && free.isEmpty() && !grades.isEmpty();
    }

    /** Adds a word unless it is mere punctuation. */
    private static void addWord(List<String> words, String token) {
        String word = token.replaceAll("^[\\p{Punct}–—’]+|[\\p{Punct}–—’]+$", "");
        if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
            words.add(word);
        }
    }

    /** Adds a dictionary phrase unless the query already says it (all its stems are in the query) or it is there. */
    private static void addExpansion(List<Expansion> expansions, Set<List<String>> seen, List<String> queryStems,
                                     SearchDictionary.Phrase phrase, float weight) {
        if (queryStems.containsAll(phrase.stems()) || !seen.add(phrase.stems())) {
            return;
        }
        expansions.add(new Expansion(phrase.text(), weight));
    }
}
