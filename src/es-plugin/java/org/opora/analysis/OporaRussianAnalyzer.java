package org.opora.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Opora's analyzer for Russian text: standard (Unicode) tokenizer, lower-casing, ё→е folding,
 * Russian stop words, the Snowball Russian stemmer and {@link RussianDerivationFilter}.
 *
 * <p>Compared with Lucene's {@code RussianAnalyzer} it also folds "ё" and conflates common derivations
 * (наставничество/наставник), which matters for the short queries people type into a search box.
 * Latin words pass through unchanged apart from lower-casing.
 */
public final class OporaRussianAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new LowerCaseFilter(source);
        result = new YoFilter(result);
        result = new StopFilter(result, RussianStopWords.SET);
        result = new SnowballFilter(result, new RussianStemmer());
        result = new RussianDerivationFilter(result);
        return new TokenStreamComponents(source, result);
    }

    /** Normalisation used for wildcard, prefix and fuzzy query terms: the character-level steps only. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new YoFilter(new LowerCaseFilter(in));
    }
}
