package org.opora.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Conflates a few productive Russian derivations that the Snowball stemmer leaves apart; it must run
 * <em>after</em> {@code SnowballFilter(RussianStemmer)} and works on its output stems.
 *
 * <p>Snowball removes inflection only, so "наставничество" stems to "наставничеств" while "наставника"
 * stems to "наставник": a search for mentoring would miss the mentors. The rules below map the stem of
 * the derived word onto the stem of its base word:
 *
 * <ul>
 *   <li>"-ничеств" → "-ник": наставничество → наставник, сотрудничество → сотрудник;</li>
 *   <li>"-ическ" → "-ик": практический → практик(а), методический → методик(а),
 *       наставнический → наставник;</li>
 *   <li>"-ств" is dropped (with a soft sign left before it): партнёрство → партнер, мастерство → мастер,
 *       учительство → учител(ь), руководство → руковод(ить).</li>
 * </ul>
 *
 * <p>Each rule applies only when at least {@link #MIN_RESULT_LENGTH} letters remain, which keeps short,
 * unrelated words apart (средство/среда, качество, общество stay as they are). Tokens marked as keywords
 * are left untouched.
 */
public final class RussianDerivationFilter extends TokenFilter {

    /** Shortest stem a rule may produce. */
    static final int MIN_RESULT_LENGTH = 5;

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    public RussianDerivationFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keywordAtt.isKeyword()) {
            termAtt.setLength(derive(termAtt.buffer(), termAtt.length()));
        }
        return true;
    }

    /**
     * Rewrites the stem in {@code buffer[0, length)} in place and returns its new length. Every rule
     * shortens the stem, so the buffer never needs to grow.
     */
    static int derive(char[] buffer, int length) {
        if (endsWith(buffer, length, "ничеств") && length - 4 >= MIN_RESULT_LENGTH) {
            return replaceSuffix(buffer, length, 7, "ник");
        }
        if (endsWith(buffer, length, "ическ") && length - 3 >= MIN_RESULT_LENGTH) {
            return replaceSuffix(buffer, length, 5, "ик");
        }
        if (endsWith(buffer, length, "ств") && length - 3 >= MIN_RESULT_LENGTH) {
            int newLength = length - 3;
            // Snowball strips a final soft sign ("учитель" -> "учител"), so do the same here.
            return buffer[newLength - 1] == 'ь' ? newLength - 1 : newLength;
        }
        return length;
    }

    private static boolean endsWith(char[] buffer, int length, String suffix) {
        int start = length - suffix.length();
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (buffer[start + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int replaceSuffix(char[] buffer, int length, int suffixLength, String replacement) {
        int start = length - suffixLength;
        replacement.getChars(0, replacement.length(), buffer, start);
        return start + replacement.length();
    }
}
