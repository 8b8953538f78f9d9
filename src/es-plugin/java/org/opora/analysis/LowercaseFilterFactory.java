package org.opora.analysis;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code opora_lowercase}: Lucene's {@link LowerCaseFilter} (the distribution has no {@code lowercase} filter). */
@NamedComponent("opora_lowercase")
public class LowercaseFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new LowerCaseFilter(tokenStream);
    }

    /** Lower-casing is a per-character step, so it also applies to normalizers and wildcard/prefix terms. */
    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new LowerCaseFilter(tokenStream);
    }
}
