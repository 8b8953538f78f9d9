package org.opora.support.programmes;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoader;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.Connection;
import org.opora.platform.graphql.EntityLoader;
import org.opora.platform.graphql.GraphQlWiring;
import org.opora.platform.graphql.RequestContext;
import org.opora.school.School;
import org.opora.school.SchoolDirectory;
import org.opora.support.partners.Partner;
import org.opora.support.partners.PartnerService;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Wires graphql/support-programmes.graphqls: one named fetcher per field, the rules live in {@link ProgrammeService}. */
@Singleton
class ProgrammeGraphQl implements GraphQlWiring {

    private final ProgrammeService programmes;

    ProgrammeGraphQl(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @Override
    public List<String> schemaFiles() {
        return List.of("graphql/support-programmes.graphqls");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("schoolProgrammes", this::schoolProgrammes)
                .dataFetcher("schoolProgramme", this::schoolProgramme)
                .dataFetcher("programmeBasis", this::programmeBasis)
                .dataFetcher("programmeGaps", this::programmeGaps));
        wiring.type("Mutation", t -> t
                .dataFetcher("createSchoolProgramme", this::createSchoolProgramme)
                .dataFetcher("updateSchoolProgramme", this::updateSchoolProgramme)
                .dataFetcher("changeSchoolProgrammeStatus", this::changeSchoolProgrammeStatus)
                .dataFetcher("addProgrammeMeasure", this::addProgrammeMeasure)
                .dataFetcher("updateProgrammeMeasure", this::updateProgrammeMeasure)
                .dataFetcher("removeProgrammeMeasure", this::removeProgrammeMeasure));
        wiring.type("SchoolProgramme", t -> t.dataFetcher("school", this::programmeSchool));
        // Declared in graphql/support-partners.graphqls; wired here so that partners do not depend on programmes.
        wiring.type("ProgrammeMeasure", t -> t.dataFetcher("partners", this::measurePartners));
        wiring.type("ProgrammeGap", t -> t
                .dataFetcher("school", this::gapSchool)
                .dataFetcher("kind", env -> env.<ProgrammeGap>getSource().kind().name()));
    }

    private List<SchoolProgramme> schoolProgrammes(DataFetchingEnvironment env) {
        return programmes.ofSchool(user(env), env.getArgument("schoolId"));
    }

    private SchoolProgramme schoolProgramme(DataFetchingEnvironment env) {
        return programmes.find(user(env), env.getArgument("id")).orElse(null);
    }

    private ProgrammeBasis programmeBasis(DataFetchingEnvironment env) {
        return programmes.basis(user(env), env.getArgument("schoolId"));
    }

    private ProgrammeGapPage programmeGaps(DataFetchingEnvironment env) {
        LocalDate asOf = env.getArgument("asOf");
        return programmes.gaps(user(env), env.getArgument("regionId"), env.getArgument("municipalityId"),
                asOf == null ? LocalDate.now() : asOf, Connection.request(env.getArgument("first"), env.getArgument("after"), 1));
    }

    private SchoolProgramme createSchoolProgramme(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return programmes.create(user(env), new ProgrammeService.NewProgramme(in.requiredString("schoolId"),
                ProgrammeKind.valueOf(in.requiredString("kind")), in.string("riskFactor"), in.requiredString("title"),
                in.date("periodStart"), in.date("periodEnd"), goals(in), targets(in)));
    }

    private SchoolProgramme updateSchoolProgramme(DataFetchingEnvironment env) {
        Arguments in = Arguments.of(env.getArgument("input"));
        return programmes.update(user(env), env.getArgument("id"), new ProgrammeService.ProgrammeChange(in.string("title"),
                in.date("periodStart"), in.date("periodEnd"), in.has("goals") ? goals(in) : null, in.has("targets") ? targets(in) : null));
    }

    private SchoolProgramme changeSchoolProgrammeStatus(DataFetchingEnvironment env) {
        return programmes.changeStatus(user(env), env.getArgument("id"), ProgrammeStatus.valueOf(env.getArgument("status")),
                env.getArgument("comment"));
    }

    private ProgrammeMeasure addProgrammeMeasure(DataFetchingEnvironment env) {
        return programmes.addMeasure(user(env), env.getArgument("programmeId"), measure(Arguments.of(env.getArgument("input"))));
    }

    private ProgrammeMeasure updateProgrammeMeasure(DataFetchingEnvironment env) {
        return programmes.updateMeasure(user(env), env.getArgument("id"), measure(Arguments.of(env.getArgument("input"))));
    }

    private SchoolProgramme removeProgrammeMeasure(DataFetchingEnvironment env) {
        return programmes.removeMeasure(user(env), env.getArgument("id"));
    }

    private CompletableFuture<School> programmeSchool(DataFetchingEnvironment env) {
        return EntityLoader.load(env, SchoolDirectory.LOADER, env.<SchoolProgramme>getSource().schoolId());
    }

    private CompletableFuture<List<Partner>> measurePartners(DataFetchingEnvironment env) {
        List<String> ids = env.<ProgrammeMeasure>getSource().partnerIds();
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        DataLoader<String, Partner> loader = env.getDataLoader(PartnerService.LOADER);
        return loader.loadMany(ids);
    }

    private CompletableFuture<School> gapSchool(DataFetchingEnvironment env) {
        return EntityLoader.load(env, SchoolDirectory.LOADER, env.<ProgrammeGap>getSource().schoolId());
    }

    private static List<ProgrammeService.GoalInput> goals(Arguments in) {
        return in.nestedList("goals").stream().map(g -> new ProgrammeService.GoalInput(
                GoalBasisKind.valueOf(g.requiredString("basisKind")), g.string("basis"), g.string("text"))).toList();
    }

    private static List<ProgrammeService.TargetInput> targets(Arguments in) {
        return in.nestedList("targets").stream().map(t -> new ProgrammeService.TargetInput(t.string("indicator"), t.decimal("baseline"),
                t.decimal("target"), t.integer("targetYear"))).toList();
    }

    private static ProgrammeService.MeasureInput measure(Arguments in) {
        return new ProgrammeService.MeasureInput(in.string("title"), in.string("responsible"), in.date("deadline"),
                in.string("plannedResult"), in.string("goalId"), in.has("status") ? MeasureStatus.valueOf(in.string("status")) : null,
                in.string("evidence"), in.has("partnerIds") ? in.stringList("partnerIds") : null);
    }

    private static CurrentUser user(DataFetchingEnvironment env) {
        return RequestContext.user(env);
    }
}
