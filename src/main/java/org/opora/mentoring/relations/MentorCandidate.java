package org.opora.mentoring.relations;

import io.micronaut.core.annotation.Nullable;
import org.opora.mentoring.teachers.Teacher;

/** A possible mentor with their load and place relative to the mentee's school (paired leader school, municipality). */
record MentorCandidate(Teacher teacher, long load, boolean pairedLeader, boolean sameSchool, boolean sameMunicipality,
                       @Nullable String schoolName, boolean leaderSchool) {
}
