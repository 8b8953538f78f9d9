package org.opora.mentoring.teachers;

import org.opora.platform.errors.ApiException;
import org.opora.platform.graphql.Arguments;

import java.time.LocalDate;

/** Argument parsing shared by the mentoring fetchers. */
public final class Inputs {

    private Inputs() {
    }

    public static LocalDate requiredDate(Arguments in, String name) {
        LocalDate date = in.date(name);
        if (date == null) {
            throw ApiException.badInput(name + ": обязательное поле не заполнено");
        }
        return date;
    }
}
