package org.opora.school;

/** Statuses an identification run gives a school; stored as their names in {@code School.statuses}. */
public enum SchoolStatus {
    LOW_RESULTS("ШНОР — школа с низкими образовательными результатами"),
    UNFAVOURABLE_CONTEXT("ШНСУ — школа, функционирующая в неблагоприятных социальных условиях"),
    RESILIENT("Резильентная школа — высокие результаты в неблагоприятном контексте"),
    RISK_ZONE("Зона риска снижения образовательных результатов — растут факторы риска при дефиците ресурсов"),
    LEADER("Школа-лидер — высокие результаты, выше ожидаемых для её контекста"),
    DECLINING("Снижение результатов — результаты уже снижаются год от года");

    private final String label;

    SchoolStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
