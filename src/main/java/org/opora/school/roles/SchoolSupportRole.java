package org.opora.school.roles;

/** Roles a school carries in the region's support network, given by a coordinator. */
public enum SchoolSupportRole {
    HUB_SCHOOL("Опорная школа"), INTERNSHIP_SITE("Стажировочная площадка"), RESOURCE_CENTRE("Ресурсный центр");

    private final String label;

    SchoolSupportRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
