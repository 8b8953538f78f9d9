package org.opora.platform.graphql;

import org.opora.testing.GraphQlResponse;
import org.opora.testing.OporaTestApp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time to refuse each attack of {@link AttackQueries} over HTTP (JWT, parsing, the limit checks, JSON), next to
 * legitimate nested queries, in an application of its own (target/test-data, region R-COST).
 * <pre>
 * MAVEN_OPTS=-Xmx3g mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.opora.platform.graphql.QueryLimitsBenchmark [-Dexec.args="--runs 300"]
 * </pre>
 */
public final class QueryLimitsBenchmark {

    private QueryLimitsBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length >= 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 300;
        OporaTestApp.server();
        CostRegion.build();
        String token = CostRegion.teacherToken();
        Map<String, Map.Entry<String, Map<String, Object>>> queries = new LinkedHashMap<>();
        queries.put("5 levels of teacher/school/teachers (cost)", Map.entry(AttackQueries.nestedTeachers(5), Map.of()));
        queries.put("8 levels (depth)", Map.entry(AttackQueries.nestedTeachers(8), Map.of()));
        queries.put("1,000 aliases", Map.entry(AttackQueries.aliases(1_000), Map.of()));
        queries.put("fragment bomb, 2^40 fields", Map.entry(AttackQueries.fragmentBomb(40), Map.of()));
        queries.put("nested fragment bomb (cost)", Map.entry(AttackQueries.nestedFragmentBomb(5), Map.of()));
        queries.put("600 fields", Map.entry(AttackQueries.manyFields(600), Map.of()));
        queries.put("first: 1000000 literal", Map.entry(AttackQueries.hugeFirst(), Map.of()));
        queries.put("first: $n = 1000000", Map.entry(AttackQueries.hugeFirstVariable(), Map.<String, Object>of("n", 1_000_000)));
        queries.put("wide lists under first: 200", Map.entry(AttackQueries.wideLists(), Map.of()));
        queries.put("cyclic introspection", Map.entry(
                "{ __type(name: \"School\") { fields { type { ofType { fields { type { ofType { fields { name } } } } } } } } }", Map.of()));
        queries.put("answered: { ping }", Map.entry("{ ping }", Map.of()));
        queries.put("answered: 2 levels of teachers (30 × 30)", Map.entry(AttackQueries.nestedTeachers(2), Map.of()));
        System.out.printf(Locale.ROOT, "Query limits benchmark: %d runs per query after 30 warm-up runs, %d cores, region %s "
                + "(%d schools × %d teachers)%n", runs, Runtime.getRuntime().availableProcessors(), CostRegion.REGION,
                CostRegion.SCHOOLS, CostRegion.TEACHERS_PER_SCHOOL);
        List<String> rows = new ArrayList<>();
        for (var query : queries.entrySet()) {
            String code = null;
            for (int i = 0; i < 30; i++) {
                code = OporaTestApp.graphql(token, query.getValue().getKey(), query.getValue().getValue()).errorCode();
            }
            double[] millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                GraphQlResponse response = OporaTestApp.graphql(token, query.getValue().getKey(), query.getValue().getValue());
                millis[i] = (System.nanoTime() - started) / 1e6;
                code = response.errorCode();
            }
            Arrays.sort(millis);
            rows.add(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f |", query.getKey(),
                    code == null ? "answered" : code, millis[runs / 2], millis[(int) (runs * 0.95)], millis[runs - 1]));
        }
        System.out.println("| query | result | p50 ms | p95 ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }
}
