package org.opora.practice.search;

import java.nio.file.Path;
import java.util.Map;

import org.opora.testing.OporaTestApp;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * Relevance and latency of practice search on the judged test collection: the committed 320-practice seed, every
 * judged query of practice/judgements.tsv through the real {@link PracticeSearch} (embedded Neo4j, local
 * Elasticsearch node with the Russian plugin). Prints nDCG@10, P@5 and the service time per query, and p50/p95 over
 * the queries. Not a test: run it by hand, see docs/benchmarks.md ("Practice search relevance").
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) \
 *      [-Drelevance.elasticsearch.url=http://127.0.0.1:9200] org.opora.practice.search.PracticeRelevanceBenchmark [--rounds 20]
 * </pre>
 */
public final class PracticeRelevanceBenchmark {

    private PracticeRelevanceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length >= 2 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 20;
        Path dataDir = Path.of("target/relevance-bench-data");
        Map<String, Object> properties = OporaTestApp.isolatedProperties(dataDir);
        properties.put("opora.practice.index.alias", "practices-relevance");
        String external = System.getProperty("relevance.elasticsearch.url"); // a node already running, e.g. on a busy machine
        if (external != null) {
            properties.put("elasticsearch.url", external);
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "bench")) {
            ApplicationContext context = server.getApplicationContext();
            RelevanceEvaluation.loadSeed(context, dataDir.resolve("seed"));
            PracticeSearch search = context.getBean(PracticeSearch.class);
            RelevanceEvaluation.awaitIndexed(search, RelevanceEvaluation.approvedInSeed());
            var judged = RelevanceEvaluation.judgements();
            RelevanceEvaluation.evaluate(search, judged, 3); // warm-up
            RelevanceEvaluation.Report report = RelevanceEvaluation.evaluate(search, judged, rounds);
            System.out.printf("Practice search relevance: %d judged queries, 320 seed practices (282 approved, searched as a "
                    + "teacher), %d cores; time = service call, last of %d rounds%n", judged.size(),
                    Runtime.getRuntime().availableProcessors(), rounds);
            System.out.print(report.table());
            System.out.println("Top ten (practice=grade) of the queries under nDCG@10 0.8:");
            System.out.print(report.weakest(judged, 0.8));
        }
        System.exit(0);
    }
}
