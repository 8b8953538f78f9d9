package org.opora.pairing;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic region in exactly the shape pairing reads: Region → Municipality → School with
 * type, locality, enrolment, coordinates, context IndicatorValues, and the properties an
 * identification run leaves (statuses, resultsIndex, contextIndex, residual, subject indices,
 * identificationRunId).
 * <p>
 * Model: a latent adverse context c ~ N(0,1) (+0.5 in villages) drives the 13 indicators with noise;
 * results r = −0.5·c + e, e ~ N(0, 0.7); subject indices r + N(0, 0.5). Statuses imitate the regression
 * method: LOW_RESULTS = bottom 10 % of r; RISK_ZONE = next 10 %; UNFAVOURABLE_CONTEXT = top 15 % of c;
 * RESILIENT = c > 0.5 and r > 0.3; LEADER = residual e > 0.6 and r > 0.5.
 */
public final class SyntheticRegion {

    private static final String[] TYPES = {"СОШ", "СОШ", "СОШ", "СОШ", "СОШ", "СОШ", "СОШ", "СОШ", "СОШ", "СОШ", "СОШ",
            "ООШ", "ООШ", "ООШ", "ООШ", "НОШ", "Гимназия", "Лицей", "ЦО", "СОШ с УИОП"};

    private SyntheticRegion() {
    }

    /** Writes {@code schools} schools of region {@code regionId}; returns their ids. */
    public static List<String> generate(Driver driver, String regionId, int schools, long seed, String runId) {
        return generate(driver, regionId, schools, seed, runId, false);
    }

    /**
     * Same, optionally with four years (2022–2025) of results in four slices (ВПР grade 5 and ОГЭ grade 9,
     * Russian and mathematics), scores driven by the school's subject indices with yearly noise.
     */
    public static List<String> generate(Driver driver, String regionId, int schools, long seed, String runId, boolean withResults) {
        Random random = new Random(seed);
        int municipalities = Math.max(1, schools / 20);
        double regionLat = 50 + random.nextDouble() * 10;
        double regionLon = 40 + random.nextDouble() * 50;
        double[][] centres = new double[municipalities][2];
        for (int m = 0; m < municipalities; m++) {
            centres[m][0] = regionLat + (random.nextDouble() - 0.5) * 3;
            centres[m][1] = regionLon + (random.nextDouble() - 0.5) * 5;
        }
        double[] context = new double[schools];
        double[] results = new double[schools];
        double[] residual = new double[schools];
        boolean[] village = new boolean[schools];
        for (int i = 0; i < schools; i++) {
            village[i] = random.nextDouble() < 0.6;
            context[i] = random.nextGaussian() + (village[i] ? 0.5 : 0);
            residual[i] = random.nextGaussian() * 0.7;
            results[i] = -0.5 * context[i] + residual[i];
        }
        double low = quantile(results, 0.10);
        double risk = quantile(results, 0.20);
        double adverse = quantile(context, 0.85);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < schools; i++) {
            int m = i % municipalities;
            String id = regionId + "-S" + String.format("%05d", i);
            ids.add(id);
            List<String> statuses = new ArrayList<>();
            if (results[i] <= low) {
                statuses.add("LOW_RESULTS");
            } else if (results[i] <= risk) {
                statuses.add("RISK_ZONE");
            }
            if (context[i] >= adverse) {
                statuses.add("UNFAVOURABLE_CONTEXT");
            }
            if (context[i] > 0.5 && results[i] > 0.3) {
                statuses.add("RESILIENT");
            }
            if (residual[i] > 0.6 && results[i] > 0.5) {
                statuses.add("LEADER");
            }
            String type = TYPES[random.nextInt(TYPES.length)];
            double enrolment = Math.round(village[i] ? Math.exp(4.7 + random.nextGaussian() * 0.5)
                    : Math.exp(6.5 + random.nextGaussian() * 0.4));
            double spread = village[i] ? 0.3 : 0.04;
            Map<String, Object> props = new HashMap<>();
            props.put("id", id);
            props.put("name", (village[i] ? "Сельская школа № " : "Городская школа № ") + (i + 1) + " (" + regionId + ")");
            props.put("type", type);
            props.put("locality", village[i] ? "село" : "город");
            props.put("enrolment", (long) enrolment);
            props.put("smallSchool", village[i] && enrolment < 100);
            props.put("latitude", centres[m][0] + (random.nextDouble() - 0.5) * spread);
            props.put("longitude", centres[m][1] + (random.nextDouble() - 0.5) * spread * 1.6);
            props.put("regionId", regionId);
            props.put("municipalityId", regionId + "-M" + m);
            props.put("statuses", statuses);
            props.put("resultsIndex", results[i]);
            props.put("contextIndex", context[i]);
            props.put("residual", residual[i]);
            props.put("subjectIndexRussian", results[i] + random.nextGaussian() * 0.5);
            props.put("subjectIndexMathematics", results[i] + random.nextGaussian() * 0.5);
            props.put("identificationRunId", runId);
            Map<String, Object> row = new HashMap<>();
            row.put("props", props);
            row.put("indicators", indicators(random, context[i], village[i], id));
            row.put("results", withResults ? results(random, id, (double) props.get("subjectIndexRussian"),
                    (double) props.get("subjectIndexMathematics"), (long) enrolment) : List.of());
            rows.add(row);
        }
        write(driver, regionId, municipalities, rows);
        return ids;
    }

    /** The 13 context indicators of one school for the latest year, driven by its latent context. */
    static List<Map<String, Object>> indicators(Random random, double c, boolean village, String schoolId) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("low_income_share", share(0.22 + 0.09 * c, 0.05, random));
        values.put("difficult_situation_share", share(0.06 + 0.03 * c, 0.02, random));
        values.put("special_needs_share", share(0.08 + 0.02 * c, 0.03, random));
        values.put("non_native_share", share(0.05 + 0.02 * c, 0.04, random));
        values.put("registered_share", share(0.03 + 0.015 * c, 0.01, random));
        values.put("parents_higher_ed_share", share(0.35 - 0.12 * c, 0.06, random));
        values.put("staff_shortage_share", share(0.06 + 0.03 * c, 0.03, random));
        values.put("teachers_no_category_share", share(0.25 + 0.07 * c, 0.06, random));
        values.put("teachers_no_higher_ed_share", share(0.10 + 0.05 * c, 0.04, random));
        values.put("remoteness_km", Math.max(0, (village ? 90 : 20) * Math.exp(0.4 * c + random.nextGaussian() * 0.4)));
        values.put("material_base_index", share(0.7 - 0.1 * c, 0.08, random));
        values.put("learning_difficulties_share", share(0.12 + 0.05 * c, 0.03, random));
        values.put("parental_involvement_index", share(0.6 - 0.1 * c, 0.08, random));
        List<Map<String, Object>> list = new ArrayList<>();
        values.forEach((code, value) -> list.add(Map.of("schoolId", schoolId, "indicator", code, "year", 2024, "value", value,
                "key", schoolId + "|" + code + "|2024")));
        return list;
    }

    static List<Map<String, Object>> results(Random random, String schoolId, double russian, double maths, long enrolment) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Object[][] slices = {{"ВПР", "Русский язык", 5, 30.0, 6.0, russian}, {"ВПР", "Математика", 5, 12.0, 3.0, maths},
                {"ОГЭ", "Русский язык", 9, 26.0, 4.0, russian}, {"ОГЭ", "Математика", 9, 14.0, 4.0, maths}};
        for (int year = 2022; year <= 2025; year++) {
            for (Object[] slice : slices) {
                double z = (double) slice[5] + random.nextGaussian() * 0.3;
                Map<String, Object> row = new HashMap<>();
                row.put("schoolId", schoolId);
                row.put("year", year);
                row.put("procedure", slice[0]);
                row.put("subject", slice[1]);
                row.put("grade", slice[2]);
                row.put("participants", Math.max(3, enrolment / 10));
                row.put("meanScore", (double) slice[3] + (double) slice[4] * z);
                row.put("shareFailing", Math.min(1, Math.max(0, 0.12 - 0.08 * z)));
                row.put("shareHigh", Math.min(1, Math.max(0, 0.25 + 0.1 * z)));
                row.put("key", schoolId + "|" + slice[0] + "|" + slice[1] + "|" + slice[2] + "|" + year);
                rows.add(row);
            }
        }
        return rows;
    }

    private static double share(double mean, double sd, Random random) {
        return Math.min(1, Math.max(0, mean + random.nextGaussian() * sd));
    }

    static void write(Driver driver, String regionId, int municipalities, List<Map<String, Object>> rows) {
        try (Session session = driver.session()) {
            List<Map<String, Object>> munis = new ArrayList<>();
            for (int m = 0; m < municipalities; m++) {
                munis.add(Map.of("id", regionId + "-M" + m, "name", "Муниципалитет " + (m + 1)));
            }
            session.executeWrite(tx -> tx.run("""
                    MERGE (r:Region {id: $regionId}) ON CREATE SET r.name = 'Синтетический регион ' + $regionId
                    WITH r UNWIND $munis AS mu
                    MERGE (m:Municipality {id: mu.id}) ON CREATE SET m.name = mu.name, m.regionId = $regionId
                    MERGE (r)-[:HAS_MUNICIPALITY]->(m)
                    """, Map.of("regionId", regionId, "munis", munis)).consume());
            for (int from = 0; from < rows.size(); from += 500) {
                List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + 500));
                session.executeWrite(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (m:Municipality {id: row.props.municipalityId})
                        CREATE (s:School) SET s = row.props
                        CREATE (m)-[:HAS_SCHOOL]->(s)
                        WITH s, row
                        CALL { WITH s, row UNWIND row.indicators AS v
                               CREATE (s)-[:HAS_INDICATOR]->(i:IndicatorValue) SET i = v }
                        CALL { WITH s, row UNWIND row.results AS a
                               CREATE (s)-[:HAS_RESULT]->(x:AssessmentResult) SET x = a }
                        """, Map.of("rows", batch)).consume());
            }
        }
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.floor(q * (sorted.length - 1))];
    }
}
