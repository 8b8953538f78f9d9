package org.opora.support.roadmaps;

/** Whose roadmap it is: the region's, a municipality's or a school's. */
public enum RoadmapLevel {
    REGION("региональная"),
    MUNICIPALITY("муниципальная"),
    SCHOOL("школьная");

    private final String label;

    RoadmapLevel(String label) {
        this.label = label;
    }

    /** The adjective that goes with «дорожная карта». */
    public String label() {
        return label;
    }
}
