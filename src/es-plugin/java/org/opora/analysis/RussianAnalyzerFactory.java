package org.opora.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** The {@code opora_russian} analyzer; see {@link OporaRussianAnalyzer}. */
@NamedComponent("opora_russian")
public class RussianAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new OporaRussianAnalyzer();
    }
}
