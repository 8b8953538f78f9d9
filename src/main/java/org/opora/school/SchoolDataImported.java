package org.opora.school;

/**
 * Published after a file of school data was committed, for the caches derived from it. Another instance of the
 * application does not hear it: such caches also expire on their own.
 *
 * @param fileName the kind of file, e.g. {@code results.csv}
 */
public record SchoolDataImported(String fileName) {
}
