package org.opora.school.importing;

/**
 * Published after a file of school data was committed, for the caches derived from it. Another instance of the
 * application does not hear it: such caches also expire on their own.
 */
public record SchoolDataImported(FileKind kind) {
}
