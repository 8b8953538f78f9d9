/**
 * Opora's Russian analysis plugin for Elasticsearch (a <em>stable</em> plugin).
 *
 * <p>The Elasticsearch distribution Opora runs locally has no {@code analysis-common} module, so neither the
 * built-in {@code russian} analyzer nor the {@code lowercase}/{@code stemmer} filters exist there. This plugin
 * supplies them from Lucene's own analysis classes (which the server ships in {@code lib/}):
 *
 * <ul>
 *   <li>token filters {@code opora_lowercase}, {@code opora_yo}, {@code opora_russian_stop},
 *       {@code opora_russian_stem}, {@code opora_russian_light_stem}, {@code opora_russian_derivation};</li>
 *   <li>the analyzer {@code opora_russian}: the recommended chain for Russian text fields.</li>
 * </ul>
 *
 * <p>Elasticsearch instantiates each component through its public no-argument constructor and looks it up
 * by the name in {@link org.elasticsearch.plugin.NamedComponent}; {@code named_components.json} (next to the
 * plugin descriptor) must list every class here under the interface it implements.
 */
package org.opora.analysis;
