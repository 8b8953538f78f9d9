package org.opora.support.programmes;

import org.opora.platform.graphql.Connection;

import java.util.List;

/** A page of {@link ProgrammeGap}s with the number of ШНОР/ШНСУ schools of the territory. */
public record ProgrammeGapPage(Connection<ProgrammeGap> page, int schoolsWithStatus) {

    public List<Connection.Edge<ProgrammeGap>> edges() {
        return page.edges();
    }

    public Connection.PageInfo pageInfo() {
        return page.pageInfo();
    }

    public long totalCount() {
        return page.totalCount();
    }
}
