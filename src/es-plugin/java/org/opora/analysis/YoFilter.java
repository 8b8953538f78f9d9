package org.opora.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds the letter "ё" into "е" (both cases). Russian texts use the two letters interchangeably,
 * so "ёлка" and "елка" must match each other whatever the author typed.
 */
public final class YoFilter extends TokenFilter {

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

    public YoFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = termAtt.buffer();
        for (int i = 0, length = termAtt.length(); i < length; i++) {
            if (buffer[i] == 'ё') {
                buffer[i] = 'е';
            } else if (buffer[i] == 'Ё') {
                buffer[i] = 'Е';
            }
        }
        return true;
    }
}
