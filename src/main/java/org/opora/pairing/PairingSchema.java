package org.opora.pairing;

import jakarta.inject.Singleton;
import org.opora.pairing.pairs.NetworkPair;
import org.opora.pairing.pairs.PlanActivity;
import org.opora.pairing.proposals.PairingProposal;
import org.opora.pairing.region.PairingSettings;
import org.opora.platform.neo4j.SchemaMigration;

import java.util.List;

/** Constraints and indexes of the pairing graph. */
@Singleton
public class PairingSchema implements SchemaMigration {

    @Override
    public String id() {
        return "030-pairing";
    }

    @Override
    public List<String> statements() {
        return List.of(
                "CREATE CONSTRAINT network_pair_id IF NOT EXISTS FOR (p:NetworkPair) REQUIRE p.id IS UNIQUE",
                "CREATE CONSTRAINT plan_activity_id IF NOT EXISTS FOR (a:PlanActivity) REQUIRE a.id IS UNIQUE",
                "CREATE CONSTRAINT pairing_proposal_id IF NOT EXISTS FOR (p:PairingProposal) REQUIRE p.id IS UNIQUE",
                "CREATE CONSTRAINT pairing_settings_region IF NOT EXISTS FOR (s:PairingSettings) REQUIRE s.regionId IS UNIQUE",
                "CREATE INDEX network_pair_region IF NOT EXISTS FOR (p:NetworkPair) ON (p.regionId)",
                "CREATE INDEX network_pair_mentee IF NOT EXISTS FOR (p:NetworkPair) ON (p.menteeId)",
                "CREATE INDEX network_pair_leader IF NOT EXISTS FOR (p:NetworkPair) ON (p.leaderId)",
                "CREATE INDEX pairing_proposal_region IF NOT EXISTS FOR (p:PairingProposal) ON (p.regionId)",
                "CREATE INDEX proposal_item_proposal IF NOT EXISTS FOR (i:ProposalItem) ON (i.proposalId)");
    }
}
