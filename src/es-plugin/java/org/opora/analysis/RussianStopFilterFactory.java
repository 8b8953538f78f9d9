package org.opora.analysis;

import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code opora_russian_stop}: removes Russian stop words; put it after {@code opora_lowercase}. */
@NamedComponent("opora_russian_stop")
public class RussianStopFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new StopFilter(tokenStream, RussianStopWords.SET);
    }
}
