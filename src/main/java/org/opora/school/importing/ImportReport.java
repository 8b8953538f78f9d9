package org.opora.school.importing;

/**
 * What one imported file did. {@code nodesCreated} counts every node the file created (for
 * schools.csv also new regions and municipalities); {@code nodesUpdated} counts rows whose node
 * already existed and was overwritten with the row's values (possibly unchanged ones).
 */
public record ImportReport(FileKind kind, long rowsRead, long nodesCreated, long nodesUpdated, long millis) {

    @Override
    public String toString() {
        return kind.fileName() + ": строк " + rowsRead + ", создано узлов " + nodesCreated
                + ", обновлено " + nodesUpdated + ", " + millis + " мс";
    }
}
