package org.opora.mentoring.teachers;

import java.util.UUID;

/** Ids of mentoring records are the server's: a prefix naming the kind and a random part. */
public final class MentoringIds {

    private MentoringIds() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
