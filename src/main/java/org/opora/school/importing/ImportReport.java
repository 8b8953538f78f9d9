package org.opora.school.importing;

/**
 * What one imported file did. {@code nodesCreated} counts every node the file created (for
 * schools.csv also new regions and municipalities); {@code nodesUpdated} counts rows whose node
 * already existed with other values and was overwritten, {@code rowsUnchanged} rows whose node
 * already held the row's values (they are not written again: a re-import of the same file writes nothing).
 */
public record ImportReport(FileKind kind, long rowsRead, long nodesCreated, long nodesUpdated, long rowsUnchanged, long millis) {

    @Override
    public String toString() {
        return kind.fileName() + ": строк " + rowsRead + ", создано узлов " + nodesCreated
                + ", обновлено " + nodesUpdated + ", без изменений " + rowsUnchanged + ", " + millis + " мс";
    }
}
