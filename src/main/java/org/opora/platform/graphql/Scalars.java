package org.opora.platform.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/** Date and DateTime as ISO-8601 strings; JSON passes maps and lists through. */
final class Scalars {

    private Scalars() {
    }

    static final GraphQLScalarType DATE = isoScalar("Date", LocalDate::parse);
    static final GraphQLScalarType DATE_TIME = isoScalar("DateTime", OffsetDateTime::parse);

    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
            .name("JSON")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value, GraphQLContext context, Locale locale) {
                    return value;
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                    return input;
                }
            })
            .build();

    private static GraphQLScalarType isoScalar(String name, Function<String, Object> parser) {
        return GraphQLScalarType.newScalar()
                .name(name)
                .coercing(new Coercing<Object, Object>() {
                    @Override
                    public Object serialize(Object value, GraphQLContext context, Locale locale) {
                        if (value instanceof ZonedDateTime zoned) {
                            return zoned.toOffsetDateTime().toString();
                        }
                        return value == null ? null : value.toString();
                    }

                    @Override
                    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                        return parse(String.valueOf(input));
                    }

                    @Override
                    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        if (input instanceof StringValue string) {
                            return parse(string.getValue());
                        }
                        throw new CoercingParseLiteralException(name + ": ожидается строка ISO-8601");
                    }

                    private Object parse(String text) {
                        try {
                            return parser.apply(text);
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseValueException(name + ": неверный формат «" + text + "», ожидается ISO-8601");
                        }
                    }
                })
                .build();
    }
}
