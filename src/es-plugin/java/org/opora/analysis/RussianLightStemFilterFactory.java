package org.opora.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code opora_russian_light_stem}: Lucene's light Russian stemmer, which strips fewer endings than Snowball
 * (better precision, e.g. for names and titles); expects lower-case input.
 */
@NamedComponent("opora_russian_light_stem")
public class RussianLightStemFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new RussianLightStemFilter(tokenStream);
    }
}
