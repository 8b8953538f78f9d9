package org.opora.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.tartarus.snowball.ext.RussianStemmer;

/** {@code opora_russian_stem}: the Snowball Russian stemmer; expects lower-case input. */
@NamedComponent("opora_russian_stem")
public class RussianStemFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        // A stemmer keeps per-token state, so every token stream gets its own instance.
        return new SnowballFilter(tokenStream, new RussianStemmer());
    }
}
