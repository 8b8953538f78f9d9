package org.opora.mentoring.associations;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoader;
import org.opora.mentoring.teachers.Inputs;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherGraphQl;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Associations in graphql/mentoring.graphqls; the members of a list of associations load in one query. */
@Singleton
public class AssociationGraphQl implements GraphQlWiring {

    private final AssociationService associations;

    AssociationGraphQl(AssociationService associations) {
        this.associations = associations;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of();
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("associations", this::associations));
        wiring.type("Mutation", t -> t
                .dataFetcher("createAssociation", this::createAssociation)
                .dataFetcher("addAssociationMember", this::addAssociationMember)
                .dataFetcher("addAssociationEvent", this::addAssociationEvent)
                .dataFetcher("joinAssociation", this::joinAssociation));
        wiring.type("Association", t -> t.dataFetcher("members", this::associationMembers));
    }

    private List<Association> associations(DataFetchingEnvironment env) {
        String kind = env.getArgument("kind");
        return associations.associations(env.getArgument("regionId"), kind == null ? null : AssociationKind.valueOf(kind),
                env.getArgument("subject"), user(env));
    }

    private Association createAssociation(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return associations.create(new AssociationService.NewAssociation(AssociationKind.valueOf(in.requiredString("kind")),
                in.requiredString("name"), AssociationLevel.valueOf(in.requiredString("level")), in.string("subject"),
                in.requiredString("regionId"), in.string("municipalityId"), in.string("schoolId")), user(env));
    }

    private Association addAssociationMember(DataFetchingEnvironment env) {
        return associations.addMember(env.getArgument("associationId"), env.getArgument("teacherId"), user(env));
    }

    private Association addAssociationEvent(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return associations.addEvent(new AssociationService.NewEvent(in.requiredString("associationId"), Inputs.requiredDate(in, "date"),
                in.requiredString("title"), in.string("format")), user(env));
    }

    private Association joinAssociation(DataFetchingEnvironment env) {
        return associations.join(env.getArgument("associationId"), user(env));
    }

    /** Members through the request's teacher loader: one query for the members of every association of the level. */
    private CompletableFuture<List<Teacher>> associationMembers(DataFetchingEnvironment env) {
        DataLoader<String, Teacher> teachers = env.getDataLoader(TeacherGraphQl.TEACHER_LOADER);
        return teachers.loadMany(env.<Association>getSource().memberIds());
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }
}
