package org.opora.platform.input;

import io.micronaut.core.annotation.Nullable;
import org.opora.platform.errors.ApiException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for text that reaches Neo4j and Elasticsearch: no control characters except tab, line feed and carriage
 * return. Elasticsearch refuses some of them (NUL, U+001E and U+001F in a completion field), so a practice holding one
 * would be stored but never become searchable; nobody types them on purpose, so they are refused at the door with the
 * field's name.
 */
public final class TextInput {

    private TextInput() {
    }

    /** Whether {@code c} is refused: C0 controls other than \t \n \r, DEL, and C1 controls. */
    public static boolean isRefused(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** Why the text is refused (in Russian, without the field name), or empty when it is fine. */
    public static Optional<String> problem(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRefused(c)) {
                return Optional.of(String.format("недопустимый управляющий символ U+%04X (позиция %d); "
                        + "в тексте допустимы только табуляция и перевод строки", (int) c, i + 1));
            }
        }
        return Optional.empty();
    }

    /** The text with every refused character replaced by a space (for data stored before the rule). */
    public static String withoutControlCharacters(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            if (isRefused(text.charAt(i))) {
                if (clean == null) {
                    clean = new StringBuilder(text);
                }
                clean.setCharAt(i, ' ');
            }
        }
        return clean == null ? text : clean.toString();
    }

    /** Refuses the text with a BAD_USER_INPUT error naming {@code field}. */
    public static void requireClean(String field, @Nullable String text) {
        problem(text).ifPresent(reason -> {
            throw ApiException.badInput(field + ": " + reason);
        });
    }

    /**
     * Checks every string inside a GraphQL argument value (input objects as maps, lists), naming the offending one by
     * its path: {@code input.title}, {@code input.evidence[2].description}.
     */
    public static void requireCleanDeep(String path, @Nullable Object value) {
        if (value instanceof CharSequence text) {
            requireClean(path, text.toString());
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                requireClean(path + " (имя поля)", key);
                requireCleanDeep(path + "." + key, entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requireCleanDeep(path + "[" + i + "]", list.get(i));
            }
        }
    }
}
