package org.opora.mentoring;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.platform.graphql.GraphQlWiring;

import java.util.List;

/**
 * Owns graphql/mentoring.graphqls. Its fields are wired by the use cases' own classes, one named fetcher per field:
 * {@code teachers.TeacherGraphQl} (teachers, logins, diagnostics), {@code plans.PlanGraphQl} (ИОМ педагога, courses),
 * {@code relations.RelationGraphQl} (relations, meetings, suggestions, matching, workspace),
 * {@code associations.AssociationGraphQl} and {@code indicators.IndicatorGraphQl}.
 */
@Singleton
class MentoringGraphQl implements GraphQlWiring {

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/mentoring.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        // Nothing of its own: see the class comment.
    }
}
