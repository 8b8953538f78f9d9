package org.opora.pairing;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opora.testing.OporaTestApp.driver;
import static org.opora.testing.OporaTestApp.graphql;
import static org.opora.testing.OporaTestApp.tokenFor;

/**
 * End-to-end latency of {@code pairCandidates} over HTTP (JWT, GraphQL parsing, JSON) on a
 * demo-sized region in the real application. Not part of the default suite (the name does not end in
 * Test); run with {@code mvn -o -q test -Dtest=PairingHttpLatencyBench -Dmaven.antrun.skip=true}.
 */
class PairingHttpLatencyBench {

    @Test
    void candidatesOverHttp() {
        String region = "R-PAIR-HTTP";
        SyntheticRegion.generate(driver(), region, 470, 5, "run-http");
        List<String> low;
        try (Session session = driver().session()) {
            low = session.run("MATCH (s:School {regionId: $r}) WHERE 'LOW_RESULTS' IN s.statuses RETURN s.id AS id",
                    Map.of("r", region)).list(r -> r.get("id").asString());
        }
        String token = tokenFor("pair-http-bench", Set.of(Role.REGIONAL_COORDINATOR), new Scope(region, null, null));
        String query = """
                query($id: ID!) { pairCandidates(schoolId: $id, first: 10) { totalCount edges { node {
                  rank score acceptable distanceKm school { id name type locality }
                  explanation { summary context { value distance features { indicator schoolZ partnerZ share } }
                    resultGap { value subjects { subject schoolZ partnerZ gap value } }
                    typeSize { value } proximity { value distanceKm } capacity { value remaining } } } } } }""";
        Random random = new Random(1);
        for (int i = 0; i < 300; i++) {
            graphql(token, query, Map.of("id", low.get(random.nextInt(low.size())))).data();
        }
        double[] times = new double[2000];
        for (int i = 0; i < times.length; i++) {
            String id = low.get(random.nextInt(low.size()));
            long t = System.nanoTime();
            var response = graphql(token, query, Map.of("id", id));
            times[i] = (System.nanoTime() - t) / 1e6;
            assertThat(response.errorCode()).isNull();
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "pairCandidates over HTTP, 470-school region, %d queries (first 10 with explanations): "
                        + "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", times.length,
                times[times.length / 2], times[(int) (times.length * 0.95)], times[(int) (times.length * 0.99)], times[times.length - 1]);
    }
}
