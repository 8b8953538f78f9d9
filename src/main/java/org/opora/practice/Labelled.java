package org.opora.practice;

/** A code with the Russian label people see (facets, vocabulary, explanations). */
public interface Labelled {

    String name();

    String label();
}
