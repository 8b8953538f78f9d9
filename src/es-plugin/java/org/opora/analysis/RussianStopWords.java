package org.opora.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ru.RussianAnalyzer;

/** The Russian stop-word list (Snowball's, as shipped with Lucene), usable both before and after ё→е folding. */
final class RussianStopWords {

    /** Lower-case stop words, each also present in its ё→е folded spelling ("её" and "ее"). */
    static final CharArraySet SET = build();

    private RussianStopWords() {
    }

    private static CharArraySet build() {
        CharArraySet snowball = RussianAnalyzer.getDefaultStopSet();
        CharArraySet set = new CharArraySet(snowball.size() * 2, false);
        for (Object word : snowball) {
            String text = new String((char[]) word);
            set.add(text);
            set.add(text.replace('ё', 'е'));
        }
        return CharArraySet.unmodifiableSet(set);
    }
}
