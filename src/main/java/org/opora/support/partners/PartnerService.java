package org.opora.support.partners;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opora.pairing.pairs.NetworkPair;
import org.opora.pairing.pairs.PairAccess;
import org.opora.pairing.pairs.PairService;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Connection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The partner catalogue and partners as parties to network pairs' agreements and to programme measures. */
@Singleton
public class PartnerService {

    /** The request DataLoader of partners by id (registered by the partners' wiring); use with {@code EntityLoader}. */
    public static final String LOADER = "partner";

    private final PartnerRepository repository;
    private final PairService pairs;

    PartnerService(PartnerRepository repository, PairService pairs) {
        this.repository = repository;
        this.pairs = pairs;
    }

    public record NewPartner(String regionId, @Nullable String municipalityId, PartnerKind kind, String name,
                             @Nullable String offer, @Nullable String contact) {
    }

    public Partner create(CurrentUser user, NewPartner in) {
        String municipalityId = blankToNull(in.municipalityId());
        PartnerAccess.requireCreator(user, in.regionId(), municipalityId);
        String name = blankToNull(in.name());
        if (name == null) {
            throw ApiException.badInput("name: обязательное поле не заполнено");
        }
        if (name.length() > 300) {
            throw ApiException.badInput("name: название длиннее 300 символов");
        }
        return repository.create(new PartnerRepository.StoredPartner("PTN-" + UUID.randomUUID(), in.regionId(), municipalityId,
                in.kind(), name, blankToNull(in.offer()), blankToNull(in.contact()), user.username()));
    }

    public Optional<Partner> find(CurrentUser user, String id) {
        Optional<Partner> partner = Optional.ofNullable(repository.byIds(List.of(id)).get(id));
        if (partner.isPresent() && !PartnerAccess.canSee(user, partner.get())) {
            throw ApiException.forbidden("Партнёр " + id + " вне вашей территории");
        }
        return partner;
    }

    public Connection<Partner> list(CurrentUser user, String regionId, @Nullable String municipalityId, @Nullable PartnerKind kind,
                                    Connection.Request page) {
        PartnerAccess.requireRegion(user, regionId);
        String own = user.isAdmin() ? null : user.scope().municipalityId();
        if (own != null && municipalityId != null && !own.equals(municipalityId)) {
            throw ApiException.forbidden("Партнёры муниципалитета " + municipalityId + " вне вашей территории");
        }
        return repository.list(regionId, own != null ? own : blankToNull(municipalityId), kind, page);
    }

    /** Batch: partners by id (callers reached them through a record the caller may see). */
    public Map<String, Partner> byIds(Collection<String> ids) {
        return repository.byIds(ids);
    }

    /** Batch: each pair's partners. */
    public Map<String, List<PairPartner>> ofPairs(Collection<String> pairIds) {
        return repository.ofPairs(pairIds);
    }

    /**
     * Refuses partners that do not exist or that a school of this territory cannot work with: partners of another
     * region or of another municipality.
     */
    public void requireUsable(List<String> partnerIds, String regionId, @Nullable String municipalityId) {
        if (partnerIds.isEmpty()) {
            return;
        }
        Map<String, Partner> found = repository.byIds(partnerIds);
        for (String id : partnerIds) {
            Partner partner = found.get(id);
            if (partner == null || !usableBy(partner, regionId, municipalityId)) {
                throw ApiException.badInput("partnerIds: партнёр " + id + " не найден в каталоге региона и муниципалитета школы");
            }
        }
    }

    private static boolean usableBy(Partner partner, String regionId, @Nullable String municipalityId) {
        return partner.regionId().equals(regionId)
                && (partner.municipalityId() == null || partner.municipalityId().equals(municipalityId));
    }

    public NetworkPair addToPair(CurrentUser user, String pairId, String partnerId, @Nullable String role) {
        NetworkPair pair = pairs.pair(user, pairId);
        PairAccess.requirePlanEditor(user, pair);
        Partner partner = repository.byIds(List.of(partnerId)).get(partnerId);
        if (partner == null || !(usableBy(partner, pair.regionId(), pair.mentee().municipalityId())
                || usableBy(partner, pair.regionId(), pair.leader().municipalityId()))) {
            throw ApiException.badInput("partnerId: партнёр " + partnerId + " не найден в каталоге региона и муниципалитетов пары");
        }
        String text = blankToNull(role);
        if (text != null && text.length() > 300) {
            throw ApiException.badInput("role: описание роли длиннее 300 символов");
        }
        repository.linkPair(pair.id(), partnerId, text);
        return pairs.pair(user, pairId);
    }

    public NetworkPair removeFromPair(CurrentUser user, String pairId, String partnerId) {
        NetworkPair pair = pairs.pair(user, pairId);
        PairAccess.requirePlanEditor(user, pair);
        if (!repository.unlinkPair(pair.id(), partnerId)) {
            throw ApiException.notFound("Партнёр пары", ApiException.Gender.MASCULINE, partnerId);
        }
        return pairs.pair(user, pairId);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
