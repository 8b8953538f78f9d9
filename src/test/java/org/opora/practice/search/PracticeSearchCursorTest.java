package org.opora.practice.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opora.platform.errors.ApiException;

import co.elastic.clients.elasticsearch._types.FieldValue;

class PracticeSearchCursorTest {

    @Test
    void cursorRoundTripsSortValuesOfEveryKind() {
        List<FieldValue> values = List.of(FieldValue.of(1.25), FieldValue.of(Long.MIN_VALUE), FieldValue.of("PR-ё"), FieldValue.NULL);
        String cursor = PracticeSearch.encodeCursor("NEWEST", values);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        List<FieldValue> decoded = PracticeSearch.decodeCursor(cursor, "NEWEST", 4);
        assertThat(decoded.get(0).doubleValue()).isEqualTo(1.25);
        assertThat(decoded.get(1).longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(decoded.get(2).stringValue()).isEqualTo("PR-ё");
        assertThat(decoded.get(3).isNull()).isTrue();
    }

    @Test
    void foreignOrBrokenCursorIsBadInput() {
        String cursor = PracticeSearch.encodeCursor("RELEVANCE", List.of(FieldValue.of(1.0), FieldValue.of(2.0), FieldValue.of("x")));
        assertThat(PracticeSearch.decodeCursor(cursor, "RELEVANCE", 3)).hasSize(3);
        assertThatThrownBy(() -> PracticeSearch.decodeCursor(cursor, "EVIDENCE", 3)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PracticeSearch.decodeCursor(cursor, "RELEVANCE", 2)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PracticeSearch.decodeCursor("%%%", "RELEVANCE", 3)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PracticeSearch.decodeCursor("bnVsbA", "RELEVANCE", 3)).isInstanceOf(ApiException.class); // "null"
    }
}
