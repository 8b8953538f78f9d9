package org.opora.practice.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The domain dictionary (src/main/resources/practice/search-dictionary.txt) and the query understanding built on it:
 * the entries the practice-search issue asks for, matching in any inflection, one-way hyponyms, facet hints, the
 * operator syntax, grades and symbols.
 */
class SearchDictionaryTest {

    static final SearchDictionary DICTIONARY = SearchDictionary.load();

    static List<String> expansions(String query) {
        return PracticeQuery.parse(query, DICTIONARY).expansions().stream().map(PracticeQuery.Expansion::text).toList();
    }

    @Test
    void functionalLiteracyFindsItsKinds() {
        assertThat(expansions("функциональная грамотность")).contains("читательская грамотность", "математическая грамотность",
                "естественнонаучная грамотность", "финансовая грамотность", "креативное мышление", "глобальные компетенции");
        assertThat(expansions("функциональной грамотности")).contains("читательская грамотность");
        // Narrower terms are one-way: reading literacy does not bring the other kinds.
        assertThat(expansions("читательская грамотность")).doesNotContain("математическая грамотность", "функциональная грамотность");
    }

    @Test
    void equivalentsWorkBothWaysInAnyInflection() {
        assertThat(expansions("ШНОР")).contains("школы с низкими результатами");
        assertThat(expansions("работа со школами с низкими результатами")).contains("ШНОР");
        assertThat(expansions("молодой специалист")).contains("молодой педагог");
        assertThat(expansions("молодым педагогам")).contains("молодой специалист");
        assertThat(expansions("ОГЭ")).contains("ГИА-9");
        assertThat(expansions("ГИА-9")).contains("ОГЭ");
        assertThat(expansions("ЕГЭ")).contains("ГИА-11");
        assertThat(expansions("малокомплектной школе")).contains("малочисленная школа");
        assertThat(expansions("малочисленная")).contains("малокомплектная");
        assertThat(expansions("инофоны")).contains("дети-мигранты", "неродной русский");
        assertThat(expansions("дети-мигранты")).contains("инофоны");
        assertThat(expansions("неродной русский")).contains("инофоны", "дети-мигранты");
    }

    @Test
    void wordsPointAtFacets() {
        PracticeQuery q = PracticeQuery.parse("подготовка к ОГЭ по математике для детей с ОВЗ", DICTIONARY);
        assertThat(q.subjects()).containsExactly("MATHEMATICS");
        assertThat(q.risks()).containsExactly("SPECIAL_NEEDS");
        assertThat(q.hintGrades()).containsExactly(9);
        assertThat(q.grades()).isEmpty();
        // "математическая грамотность" is its own subject, not mathematics.
        assertThat(PracticeQuery.parse("математическая грамотность", DICTIONARY).subjects()).containsExactly("MATH_LITERACY");
    }

    @Test
    void gradesLeaveTheText() {
        assertThat(parse("функциональная грамотность 8 класс")).extracting(PracticeQuery::free, PracticeQuery::grades)
                .containsExactly("функциональная грамотность", java.util.Set.of(8));
        assertThat(parse("лабораторные 8-9 классы").grades()).containsExactly(8, 9);
        assertThat(parse("8–9 классов физика").grades()).containsExactly(8, 9);
        assertThat(parse("русский язык 5 кл.").grades()).containsExactly(5);
        assertThat(parse("в 9-м классе ОГЭ").grades()).containsExactly(9);
        assertThat(parse("5 кл. русский").free()).isEqualTo("русский");
        assertThat(parse("8 класс").onlyGrades()).isTrue();
        // A number that is not a grade stays text.
        assertThat(parse("15 минут чтения").free()).isEqualTo("15 минут чтения");
        assertThat(parse("15 минут чтения").grades()).isEmpty();
    }

    @Test
    void operatorsPhrasesExclusionsAndSymbols() {
        PracticeQuery q = parse("\"школа полного дня\" -питание NOT кружки AND родители OR семья");
        assertThat(q.phrases()).containsExactly("школа полного дня");
        assertThat(q.excluded()).containsExactly("питание", "кружки");
        assertThat(q.free()).isEqualTo("родители семья");
        assertThat(parse("«смысловое чтение» -\"начальная школа\"").phrases()).containsExactly("смысловое чтение");
        assertThat(parse("«смысловое чтение» -\"начальная школа\"").excluded()).containsExactly("начальная школа");
        assertThat(parse("🙂 дети с ОВЗ!!! ★ → ©").free()).isEqualTo("дети с ОВЗ");
        assertThat(parse("дети-мигранты").free()).isEqualTo("дети-мигранты");
        assertThat(parse("👍🔥").free()).isEmpty();
        assertThat(parse(" - — ").excluded()).isEmpty();
    }

    @Test
    void malformedEntriesNameTheLine() {
        assertThatThrownBy(() -> SearchDictionary.parse("# x\nодно слово\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> SearchDictionary.parse("@subject ALGEBRA: алгебра")).hasMessageContaining("ALGEBRA");
        assertThatThrownBy(() -> SearchDictionary.parse("@grades 12: выпускники")).hasMessageContaining("12");
        assertThatThrownBy(() -> SearchDictionary.parse("a > b > c")).hasMessageContaining("line 1");
    }

    @Test
    void everyEntryOfTheResourceIsUsable() {
        assertThat(DICTIONARY.entries()).hasSizeGreaterThan(80);
        for (SearchDictionary.Entry entry : DICTIONARY.entries()) {
            assertThat(DICTIONARY.matches(entry.phrase().stems())).as(entry.phrase().text()).contains(entry);
        }
    }

    private static PracticeQuery parse(String text) {
        return PracticeQuery.parse(text, DICTIONARY);
    }
}
