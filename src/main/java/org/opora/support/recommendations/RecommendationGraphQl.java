package org.opora.support.recommendations;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.mentoring.teachers.Diagnostic;
import org.opora.mentoring.teachers.Teacher;
import org.opora.mentoring.teachers.TeacherAccess;
import org.opora.mentoring.teachers.TeacherGraphQl;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.Connection;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.school.SchoolDirectory;
import org.opora.school.SchoolStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Addressed recommendations in graphql/support-recommendations.graphqls. A recommendation's school and teacher load
 * through the request DataLoaders of the school read model and the mentoring teachers, one query per level.
 */
@Singleton
public class RecommendationGraphQl implements GraphQlWiring {

    private final RecommendationService recommendations;

    RecommendationGraphQl(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/support-recommendations.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("recommendation", this::recommendation)
                .dataFetcher("recommendationsReceived", this::recommendationsReceived)
                .dataFetcher("recommendationsGiven", this::recommendationsGiven));
        wiring.type("Mutation", t -> t
                .dataFetcher("issueRecommendation", this::issueRecommendation)
                .dataFetcher("answerRecommendation", this::answerRecommendation)
                .dataFetcher("closeRecommendation", this::closeRecommendation));
        wiring.type("Recommendation", t -> t
                .dataFetcher("school", this::school)
                .dataFetcher("teacher", this::teacher)
                .dataFetcher("allowedActions", this::allowedActions));
        wiring.type("RecommendationBasis", t -> t
                .dataFetcher("riskFactor", env -> env.<Recommendation.Basis>getSource().riskFactorName())
                .dataFetcher("diagnostic", this::diagnostic));
    }

    // ------------------------------------------------------------------ queries and child fields

    private Recommendation recommendation(DataFetchingEnvironment env) {
        return recommendations.recommendation(env.getArgument("id"), user(env), LocalDate.now());
    }

    private Connection<Recommendation> recommendationsReceived(DataFetchingEnvironment env) {
        Arguments addressee = Arguments.of(env.getArgument("addressee"));
        return recommendations.received(new RecommendationService.AddresseeRef(addressee.string("schoolId"),
                addressee.string("teacherId"), addressee.string("municipalityId")), options(env), user(env), page(env));
    }

    private Connection<Recommendation> recommendationsGiven(DataFetchingEnvironment env) {
        return recommendations.given(env.getArgument("issuedBy"), options(env), user(env), page(env));
    }

    private CompletableFuture<Object> school(DataFetchingEnvironment env) {
        return EntityLoader.load(env, SchoolDirectory.LOADER, env.<Recommendation>getSource().schoolId());
    }

    private CompletableFuture<Object> teacher(DataFetchingEnvironment env) {
        return EntityLoader.load(env, TeacherGraphQl.TEACHER_LOADER, env.<Recommendation>getSource().teacherId());
    }

    private List<RecommendationAction> allowedActions(DataFetchingEnvironment env) {
        return recommendations.allowedActions(env.getSource(), user(env), LocalDate.now());
    }

    /** The diagnostic a basis links to, under the rule for reading the teacher's diagnostics. */
    private CompletableFuture<Diagnostic> diagnostic(DataFetchingEnvironment env) {
        Recommendation.Basis basis = env.getSource();
        if (basis.diagnosticId() == null || basis.teacherId() == null) {
            return CompletableFuture.completedFuture(null);
        }
        CurrentUser user = user(env);
        return EntityLoader.<String, Teacher>load(env, TeacherGraphQl.TEACHER_LOADER, basis.teacherId())
                .thenCompose(teacher -> {
                    if (teacher == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    TeacherAccess.requireReadDiagnostics(user, teacher);
                    return EntityLoader.<String, List<Diagnostic>>load(env, TeacherGraphQl.DIAGNOSTICS_LOADER, teacher.id())
                            .thenApply(list -> list == null ? null : list.stream()
                                    .filter(d -> d.id().equals(basis.diagnosticId())).findFirst().orElse(null));
                });
    }

    // ------------------------------------------------------------------ mutations

    private Recommendation issueRecommendation(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        Arguments basis = in.nested("basis");
        String status = basis.string("status");
        return recommendations.issue(new RecommendationService.NewRecommendation(
                AddresseeKind.valueOf(in.requiredString("addresseeKind")), in.string("schoolId"), in.string("teacherId"),
                in.string("municipalityId"),
                new RecommendationService.NewBasis(BasisKind.valueOf(basis.requiredString("kind")),
                        status == null ? null : SchoolStatus.valueOf(status), basis.string("riskFactor"), basis.string("diagnosticId")),
                in.string("text"), in.date("dueDate")), user(env), LocalDate.now());
    }

    private Recommendation answerRecommendation(DataFetchingEnvironment env) {
        return recommendations.answer(env.getArgument("id"), env.getArgument("text"), user(env), LocalDate.now());
    }

    private Recommendation closeRecommendation(DataFetchingEnvironment env) {
        return recommendations.close(env.getArgument("id"), CheckOutcome.valueOf(env.getArgument("outcome")),
                env.getArgument("comment"), user(env), LocalDate.now());
    }

    // ------------------------------------------------------------------ parsing

    private static RecommendationService.ListOptions options(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArguments());
        String status = in.string("status");
        LocalDate asOf = in.date("asOf");
        return new RecommendationService.ListOptions(status == null ? null : RecommendationStatus.valueOf(status),
                Boolean.TRUE.equals(in.bool("overdueOnly")), asOf == null ? LocalDate.now() : asOf);
    }

    private static Connection.Request page(DataFetchingEnvironment env) {
        return Connection.request(env.getArgument("first"), env.getArgument("after"), 2);
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }
}
