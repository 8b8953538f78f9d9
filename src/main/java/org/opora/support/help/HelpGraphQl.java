package org.opora.support.help;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.opora.mentoring.teachers.TeacherGraphQl;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.Connection;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.school.SchoolDirectory;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The methodological help log in graphql/support-help.graphqls; schools and teachers load through request DataLoaders. */
@Singleton
public class HelpGraphQl implements GraphQlWiring {

    private final HelpService help;

    HelpGraphQl(HelpService help) {
        this.help = help;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/support-help.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("helpRecords", this::helpRecords)
                .dataFetcher("methodicalSupportCoverage", this::methodicalSupportCoverage));
        wiring.type("Mutation", t -> t.dataFetcher("logHelp", this::logHelp));
        wiring.type("HelpRecord", t -> t
                .dataFetcher("school", env -> EntityLoader.load(env, SchoolDirectory.LOADER, env.<HelpRecord>getSource().schoolId()))
                .dataFetcher("teacher", env -> EntityLoader.load(env, TeacherGraphQl.TEACHER_LOADER, env.<HelpRecord>getSource().teacherId())));
        wiring.type("MethodicalSupportCoverage", t -> t.dataFetcher("uncoveredSchools", this::uncoveredSchools));
    }

    private Connection<HelpRecord> helpRecords(DataFetchingEnvironment env) {
        Arguments f = Arguments.of(env.getArgument("filter"));
        String kind = f.string("kind");
        return help.list(new HelpService.Filter(f.string("regionId"), f.string("municipalityId"), f.string("schoolId"),
                        f.string("teacherId"), kind == null ? null : HelpKind.valueOf(kind), f.date("from"), f.date("to"),
                        f.string("givenBy")), user(env),
                Connection.request(env.getArgument("first"), env.getArgument("after"), 2));
    }

    private SupportCoverage methodicalSupportCoverage(DataFetchingEnvironment env) {
        return help.coverage(env.getArgument("regionId"), env.getArgument("municipalityId"), env.<Integer>getArgument("year"), user(env));
    }

    private CompletableFuture<List<Object>> uncoveredSchools(DataFetchingEnvironment env) {
        List<CompletableFuture<Object>> schools = env.<SupportCoverage>getSource().uncoveredSchoolIds().stream()
                .map(id -> EntityLoader.<String, Object>load(env, SchoolDirectory.LOADER, id)).toList();
        return CompletableFuture.allOf(schools.toArray(CompletableFuture[]::new))
                .thenApply(done -> schools.stream().map(CompletableFuture::join).toList());
    }

    private HelpRecord logHelp(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return help.log(new HelpService.NewHelp(HelpKind.valueOf(in.requiredString("kind")), in.date("date"), in.string("schoolId"),
                in.string("teacherId"), in.string("topic"), in.string("result")), user(env), LocalDate.now());
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }
}
