package org.opora.school.importing;

/**
 * The Cypher that writes the rows of one file kind (the regions and municipalities of schools.csv are written
 * before, by {@link SchoolDataImporter}). A new kind of file needs one more case here and a {@link DataRecord}.
 *
 * @param stored         reads the nodes that already exist for {@code $ids}: {@code key} and {@code stored} (properties)
 * @param storedByOwner  whether {@code $ids} are the owners of the batch's rows (else their keys)
 * @param create         creates new rows, {@code $groups} = [{owner, rows}], one lookup of the owner per group;
 *                       returns {@code written}
 * @param merge          writes changed rows, {@code $rows}: MERGE on the key, so it is also right for a node created
 *                       meanwhile; returns {@code written}
 */
record RowStatements(String stored, boolean storedByOwner, String create, String merge) {

    static final String STORED_SCHOOLS = """
            UNWIND $ids AS id
            MATCH (s:School {id: id})
            RETURN s.id AS key, properties(s) AS stored""";

    /** Parameters are named apart from the properties they fill, as in the MERGE statements (no Eager plan). */
    static final String CREATE_SCHOOLS = """
            UNWIND $groups AS group
            MATCH (m:Municipality {id: group.owner})
            UNWIND group.rows AS row
            CREATE (m)-[:HAS_SCHOOL]->(s:School {id: row.id, name: row.name, type: row.type, locality: row.locality,
                enrolment: row.enrolment, smallSchool: row.smallSchool, latitude: row.latitude, longitude: row.longitude,
                regionId: row.region, municipalityId: row.municipality})
            RETURN count(s) AS written""";

    static final String STORED_RESULTS = """
            UNWIND $ids AS id
            MATCH (:School {id: id})-[:HAS_RESULT]->(a:AssessmentResult)
            RETURN a.key AS key, properties(a) AS stored""";

    static final String CREATE_RESULTS = """
            UNWIND $groups AS group
            MATCH (s:School {id: group.owner})
            UNWIND group.rows AS row
            CREATE (s)-[:HAS_RESULT]->(a:AssessmentResult {key: row.key, schoolId: row.school, year: row.year,
                procedure: row.procedure, subject: row.subject, grade: row.grade, participants: row.participants,
                meanScore: row.meanScore, shareFailing: row.shareFailing, shareHigh: row.shareHigh})
            RETURN count(a) AS written""";

    static final String STORED_INDICATORS = """
            UNWIND $ids AS id
            MATCH (:School {id: id})-[:HAS_INDICATOR]->(v:IndicatorValue)
            RETURN v.key AS key, properties(v) AS stored""";

    static final String CREATE_INDICATORS = """
            UNWIND $groups AS group
            MATCH (s:School {id: group.owner})
            UNWIND group.rows AS row
            CREATE (s)-[:HAS_INDICATOR]->(v:IndicatorValue {key: row.key, schoolId: row.school, year: row.year,
                indicator: row.indicator, value: row.value})
            RETURN count(v) AS written""";

    static RowStatements of(FileKind kind) {
        return switch (kind) {
            case SCHOOLS -> new RowStatements(STORED_SCHOOLS, false, CREATE_SCHOOLS, SchoolDataImporter.MERGE_SCHOOLS);
            case RESULTS -> new RowStatements(STORED_RESULTS, true, CREATE_RESULTS, SchoolDataImporter.MERGE_RESULTS);
            case INDICATORS -> new RowStatements(STORED_INDICATORS, true, CREATE_INDICATORS, SchoolDataImporter.MERGE_INDICATORS);
        };
    }
}
