package org.opora.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code opora_yo}: folds "ё" into "е"; see {@link YoFilter}. */
@NamedComponent("opora_yo")
public class YoFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new YoFilter(tokenStream);
    }

    /** A per-character step, so it also applies to normalizers and wildcard/prefix terms. */
    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new YoFilter(tokenStream);
    }
}
