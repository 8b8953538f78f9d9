package org.opora.pairing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.opora.pairing.pairs.ActivityStatus;
import org.opora.pairing.pairs.NetworkPair;
import org.opora.pairing.pairs.PairService;
import org.opora.pairing.pairs.PairStatus;
import org.opora.pairing.proposals.PairingProposal;
import org.opora.pairing.proposals.ProposalService;
import org.opora.pairing.region.PartnerPool;
import org.opora.pairing.region.SchoolDataRepository;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.demo.DemoDataLoader;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Connection;
import org.opora.security.DemoLogins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Demo: a stored proposal for the demo region, six pairs in every state (two active with joint plans,
 * one completed so its outcome shows), and logins for a municipal coordinator and the admins of an
 * active pair's two schools. Runs after identification (needs the statuses it stores); idempotent:
 * on a restart the existing demo pairs are kept and only the passwords are renewed.
 */
@Singleton
@Requires(property = "opora.demo", value = "true")
class PairingDemoData implements DemoDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PairingDemoData.class);
    private static final String DEMO_USER = "demo";

    private final String regionId;
    private final ProposalService proposals;
    private final PairService pairs;
    private final SchoolDataRepository schools;
    private final DemoLogins logins;

    PairingDemoData(@Value("${opora.demo.region:R74}") String regionId, ProposalService proposals, PairService pairs,
                    SchoolDataRepository schools, DemoLogins logins) {
        this.regionId = regionId;
        this.proposals = proposals;
        this.pairs = pairs;
        this.schools = schools;
        this.logins = logins;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public List<String> load() {
        List<String> lines = new ArrayList<>();
        CurrentUser system = new CurrentUser(DEMO_USER, EnumSet.of(Role.ADMIN), Scope.EVERYWHERE);
        Connection<NetworkPair> existing = pairs.list(system, regionId, null, null, null, Connection.Request.first(100));
        List<NetworkPair> found = existing.nodes().stream().filter(p -> DEMO_USER.equals(p.createdBy())).toList();
        List<NetworkPair> demoPairs;
        if (found.isEmpty()) {
            try {
                demoPairs = create(system, lines);
            } catch (ApiException e) {
                LOG.warn("Pairing demo data not created: {}", e.getMessage());
                lines.add("Сетевые пары: демо-данные не созданы (" + e.getMessage() + ")");
                return lines;
            }
        } else {
            demoPairs = found;
            lines.add("Сетевые пары (регион " + regionId + "): демо-пары уже есть (" + demoPairs.size() + ")");
        }
        Optional<NetworkPair> showcase = demoPairs.stream().filter(p -> p.status() == PairStatus.ACTIVE)
                .filter(p -> p.mentee().municipalityId() != null && p.mentee().municipalityId().equals(p.leader().municipalityId()))
                .findFirst()
                .or(() -> demoPairs.stream().filter(p -> p.status() == PairStatus.ACTIVE).findFirst());
        if (showcase.isEmpty()) {
            return lines;
        }
        NetworkPair pair = showcase.get();
        lines.add("Демо-входы сетевых пар (пароли созданы при этом запуске); пара " + pair.id() + ":");
        add(lines, "mun-coord", "Муниципальный координатор (" + pair.mentee().municipalityId() + ")",
                EnumSet.of(Role.MUNICIPAL_COORDINATOR), new Scope(regionId, pair.mentee().municipalityId(), null));
        add(lines, "shnor-admin", "Администратор ШНОР «" + pair.mentee().name() + "»", EnumSet.of(Role.SCHOOL_ADMIN),
                new Scope(regionId, pair.mentee().municipalityId(), pair.mentee().id()));
        add(lines, "leader-admin", "Администратор школы-лидера «" + pair.leader().name() + "»", EnumSet.of(Role.SCHOOL_ADMIN),
                new Scope(regionId, pair.leader().municipalityId(), pair.leader().id()));
        return lines;
    }

    private List<NetworkPair> create(CurrentUser system, List<String> lines) {
        PairingProposal proposal = proposals.propose(system, regionId, null, null);
        lines.add(String.format(java.util.Locale.ROOT,
                "Сетевые пары (регион %s): предложение %s — %d ШНОР и ШНСУ без пары, подобрано %d (жадный алгоритм: %d), сумма оценок %.2f (жадный: %.2f)",
                regionId, proposal.id(), proposal.menteeCount(), proposal.pairedCount(), proposal.greedy().pairedCount(),
                proposal.totalScore(), proposal.greedy().totalScore()));
        List<PairingProposal.Item> matched = proposals.items(proposal, true, Connection.Request.first(100)).nodes();
        // Prefer couples inside one municipality, so the municipal coordinator can run them.
        List<PairingProposal.Item> ordered = new ArrayList<>(matched.stream()
                .filter(i -> i.mentee().municipalityId() != null && i.mentee().municipalityId().equals(i.leader().municipalityId()))
                .toList());
        matched.stream().filter(i -> !ordered.contains(i)).forEach(ordered::add);
        // ШНОР pairs carry the showcase (the first five); the sixth, only proposed, goes to a ШНСУ school when there is one.
        ordered.sort(java.util.Comparator.comparing(i -> i.mentee().statuses().contains(PartnerPool.LOW_RESULTS) ? 0 : 1));
        ordered.stream().skip(5).filter(i -> !i.mentee().statuses().contains(PartnerPool.LOW_RESULTS)).findFirst()
                .ifPresent(shnsu -> {
                    ordered.remove(shnsu);
                    ordered.add(5, shnsu);
                });
        if (ordered.size() < 6) {
            throw ApiException.conflict("в регионе " + regionId + " меньше шести подобранных пар — нет данных выявления?");
        }
        Integer latest = schools.latestResultYear(regionId);
        int year = latest == null ? LocalDate.now().getYear() : latest;
        List<NetworkPair> created = new ArrayList<>();

        NetworkPair active = createFrom(system, ordered.get(0), proposal);
        pairs.agree(system, active.id(), LocalDate.of(year - 1, 8, 25), "Соглашение о сетевом взаимодействии № 1 от 25.08." + (year - 1));
        pairs.activate(system, active.id(), LocalDate.of(year - 1, 9, 1));
        plan(system, active.id(), year - 1, true);
        created.add(pairs.pair(system, active.id()));

        NetworkPair active2 = createFrom(system, ordered.get(1), proposal);
        pairs.agree(system, active2.id(), LocalDate.of(year - 1, 9, 10), "Соглашение о сетевом взаимодействии № 2 от 10.09." + (year - 1));
        pairs.activate(system, active2.id(), LocalDate.of(year - 1, 9, 15));
        plan(system, active2.id(), year - 1, false);
        created.add(pairs.pair(system, active2.id()));

        NetworkPair completed = createFrom(system, ordered.get(2), proposal);
        pairs.agree(system, completed.id(), LocalDate.of(year - 2, 8, 28), "Соглашение о сетевом взаимодействии № 7 от 28.08." + (year - 2));
        pairs.activate(system, completed.id(), LocalDate.of(year - 2, 9, 1));
        plan(system, completed.id(), year - 2, true);
        pairs.complete(system, completed.id(), LocalDate.of(year - 1, 6, 30),
                "План выполнен: проведено 12 взаимопосещений, общий семинар, школа вышла из зоны низких результатов по математике");
        created.add(pairs.pair(system, completed.id()));

        NetworkPair agreed = createFrom(system, ordered.get(3), proposal);
        pairs.agree(system, agreed.id(), LocalDate.now().minusDays(5), "Соглашение о сетевом взаимодействии № 3");
        created.add(pairs.pair(system, agreed.id()));

        NetworkPair cancelled = createFrom(system, ordered.get(4), proposal);
        pairs.cancel(system, cancelled.id(), "Школа-лидер не смогла выделить наставников на этот учебный год");
        created.add(pairs.pair(system, cancelled.id()));

        created.add(createFrom(system, ordered.get(5), proposal));
        lines.add("  создано пар: " + created.size() + " (действуют 2, завершена 1, согласована 1, отменена 1, предложена 1)");
        return created;
    }

    private NetworkPair createFrom(CurrentUser system, PairingProposal.Item item, PairingProposal proposal) {
        return pairs.create(system, item.mentee().id(), item.leader().id(), null, proposal.id());
    }

    private void plan(CurrentUser system, String pairId, int schoolYear, boolean advanced) {
        record Step(String title, int month, String responsible, String result, ActivityStatus status) {
        }
        List<Step> steps = List.of(
                new Step("Совместный анализ результатов ВПР и ОГЭ по математике", 10, "Заместители директоров по УВР обеих школ",
                        "Перечень проблемных тем и умений, общий план коррекции", ActivityStatus.DONE),
                new Step("Взаимопосещение уроков математики и русского языка", 12, "Руководители ШМО",
                        "Не менее 8 посещённых уроков с разбором", advanced ? ActivityStatus.DONE : ActivityStatus.IN_PROGRESS),
                new Step("Наставничество: учитель школы-лидера — молодой учитель ШНОР", 2, "Наставник школы-лидера",
                        "ИОМ педагога: индивидуальный план профессионального развития учителя", advanced ? ActivityStatus.IN_PROGRESS : ActivityStatus.PLANNED),
                new Step("Совместный семинар «Работа с обучающимися с трудностями в обучении»", 4, "Директор школы-лидера",
                        "Семинар для педагогов обеих школ, банк приёмов", ActivityStatus.PLANNED));
        for (Step step : steps) {
            LocalDate deadline = LocalDate.of(step.month() >= 9 ? schoolYear : schoolYear + 1, step.month(), 28);
            pairs.addActivity(system, pairId, new PairService.ActivityInput(step.title(), deadline, step.responsible(),
                    step.result(), step.status(), false));
        }
    }

    private void add(List<String> lines, String username, String name, EnumSet<Role> roles, Scope scope) {
        lines.add(logins.create(username, name, roles, scope));
    }
}
