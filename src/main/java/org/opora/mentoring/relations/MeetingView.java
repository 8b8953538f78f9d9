package org.opora.mentoring.relations;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;

import java.time.LocalDate;
import java.util.List;

/**
 * A meeting as the API shows it: the shared part is plain, the mentor's private notes only through
 * {@link #privateNotesFor}, which lets the relation's mentor alone read them. There is deliberately no accessor (and no
 * field) named {@code privateNotes}, so nothing resolves them by default.
 */
public final class MeetingView {

    private final Meeting meeting;
    private final String mentorUsername;

    MeetingView(Meeting meeting, @Nullable String mentorUsername) {
        this.meeting = meeting;
        this.mentorUsername = mentorUsername;
    }

    public String getId() {
        return meeting.id();
    }

    public LocalDate getDate() {
        return meeting.date();
    }

    public String getTopic() {
        return meeting.topic();
    }

    @Nullable
    public String getSharedNotes() {
        return meeting.sharedNotes();
    }

    public List<String> getNextSteps() {
        return meeting.nextSteps();
    }

    /** The mentor's own notes: FORBIDDEN for anyone else. */
    @Nullable
    public String privateNotesFor(CurrentUser user) {
        if (mentorUsername == null || !mentorUsername.equals(user.username())) {
            throw ApiException.forbidden("Личные заметки наставника доступны только наставнику");
        }
        return meeting.privateNotes();
    }
}
