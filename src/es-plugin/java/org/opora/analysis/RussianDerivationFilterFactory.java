package org.opora.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code opora_russian_derivation}: see {@link RussianDerivationFilter}; put it right after {@code opora_russian_stem}. */
@NamedComponent("opora_russian_derivation")
public class RussianDerivationFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new RussianDerivationFilter(tokenStream);
    }
}
