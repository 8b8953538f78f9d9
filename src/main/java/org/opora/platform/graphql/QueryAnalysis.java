package org.opora.platform.graphql;

import graphql.execution.AbortExecutionException;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.VariableReference;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.InputValueWithState;
import org.opora.platform.graphql.QueryRefusal.Rule;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The two checks every operation passes before any field is resolved.
 * <ol>
 * <li>{@link #checkShape}, on the parsed document before validation (validation itself is costly on hostile
 * documents): depth, number of fields and of aliases after expanding fragments. The walk stops at the first
 * broken limit, so a fragment bomb (fragments spreading others twice, 2^n fields) costs at most the limit.
 * Operations that only introspect the schema ({@code __schema}, {@code __type}) get their own depth bound,
 * and, like graphql-java's good-faith check, may select each of {@code __Type.fields / inputFields / interfaces /
 * possibleTypes} once, which every stock client's introspection query does and cyclic abuse does not.</li>
 * <li>{@link #cost}, on the validated operation with its variables: the estimated number of fields resolved,
 * where a list multiplies the cost of its children by its size: the {@code first}/{@code limit}/{@code top}
 * argument (given or its default; on a connection it sizes {@code edges}/{@code nodes}), else the field's
 * {@code @listSize(assumed:)}, else {@link QueryLimits#defaultListSize()}. Introspection fields count 1 each.</li>
 * </ol>
 */
final class QueryAnalysis {

    private static final Set<String> SLICING_ARGUMENTS = Set.of("first", "limit", "top");
    private static final Set<String> SLICED_FIELDS = Set.of("edges", "nodes");
    private static final Set<String> TYPE_FIELDS_ONCE = Set.of("fields", "inputFields", "interfaces", "possibleTypes");
    private static final long CAP = 1_000_000_000_000L;

    private QueryAnalysis() {
    }

    // ------------------------------------------------------------------------------------------------ shape

    /** Checks every operation of the document; invalid parts are skipped (validation reports them). */
    static void checkShape(Document document, QueryLimits limits) throws AbortExecutionException {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
        }
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                new ShapeWalk(fragments, limits, isIntrospection(operation.getSelectionSet(), fragments, new HashSet<>()))
                        .walk(operation.getSelectionSet(), 1);
            }
        }
    }

    /** True when the top-level fields are only {@code __schema} / {@code __type} (and {@code __typename}). */
    static boolean isIntrospection(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> seen) {
        boolean introspects = false;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getName().equals("__schema") || field.getName().equals("__type")) {
                    introspects = true;
                } else if (!field.getName().equals("__typename")) {
                    return false;
                }
            } else {
                SelectionSet inner = null;
                if (selection instanceof InlineFragment inline) {
                    inner = inline.getSelectionSet();
                } else if (selection instanceof FragmentSpread spread && seen.add(spread.getName())
                        && fragments.containsKey(spread.getName())) {
                    inner = fragments.get(spread.getName()).getSelectionSet();
                }
                if (inner != null) {
                    if (!isIntrospection(inner, fragments, seen) && !onlyTypename(inner)) {
                        return false;
                    }
                    introspects = true;
                }
            }
        }
        return introspects;
    }

    private static boolean onlyTypename(SelectionSet selections) {
        return selections.getSelections().stream().allMatch(s -> s instanceof Field f && f.getName().equals("__typename"));
    }

    private static final class ShapeWalk {
        private final Map<String, FragmentDefinition> fragments;
        private final QueryLimits limits;
        private final boolean introspection;
        private final int maxDepth;
        private final Set<String> fragmentPath = new HashSet<>();
        private final Map<String, Integer> typeFieldsSeen = new HashMap<>();
        private int fields;
        private int aliases;
        private int visited;

        ShapeWalk(Map<String, FragmentDefinition> fragments, QueryLimits limits, boolean introspection) {
            this.fragments = fragments;
            this.limits = limits;
            this.introspection = introspection;
            this.maxDepth = introspection ? limits.maxIntrospectionDepth() : limits.maxDepth();
        }

        void walk(SelectionSet selections, int depth) {
            for (Selection<?> selection : selections.getSelections()) {
                // Spreads and inline fragments count too, so that fragments of nothing but spreads stay bounded.
                if (++visited > 4 * limits.maxFields()) {
                    throw tooManyFields(selection.getSourceLocation());
                }
                if (selection instanceof Field field) {
                    field(field, depth);
                } else if (selection instanceof InlineFragment inline) {
                    walk(inline.getSelectionSet(), depth);
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    // A cycle is left to validation, which refuses it.
                    if (fragment != null && fragmentPath.add(spread.getName())) {
                        walk(fragment.getSelectionSet(), depth);
                        fragmentPath.remove(spread.getName());
                    }
                }
            }
        }

        private void field(Field field, int depth) {
            if (++fields > limits.maxFields()) {
                throw tooManyFields(field.getSourceLocation());
            }
            if (field.getAlias() != null && ++aliases > limits.maxAliases()) {
                throw QueryRefusal.of(Rule.ALIASES, "Слишком много псевдонимов (alias) в запросе: больше "
                        + limits.maxAliases() + " — столько допускается в одном запросе", aliases, limits.maxAliases(),
                        field.getSourceLocation());
            }
            if (depth > maxDepth) {
                throw QueryRefusal.of(Rule.DEPTH, (introspection ? "Запрос схемы (introspection) слишком глубокий: " : "Запрос слишком глубокий: ")
                        + "поле «" + field.getName() + "» на уровне вложенности " + depth + ", допускается не более " + maxDepth,
                        depth, maxDepth, field.getSourceLocation());
            }
            if (introspection && TYPE_FIELDS_ONCE.contains(field.getName())
                    && typeFieldsSeen.merge(field.getName(), 1, Integer::sum) > 1) {
                throw QueryRefusal.of(Rule.INTROSPECTION, "Запрос схемы (introspection) выбирает поле «" + field.getName()
                        + "» больше одного раза: для получения схемы достаточно одного, повторы раскручивают циклы схемы",
                        typeFieldsSeen.get(field.getName()), 1, field.getSourceLocation());
            }
            if (field.getSelectionSet() != null) {
                walk(field.getSelectionSet(), depth + 1);
            }
        }

        private AbortExecutionException tooManyFields(SourceLocation location) {
            return QueryRefusal.of(Rule.FIELDS, "Запрос слишком большой: больше " + limits.maxFields()
                    + " полей с учётом фрагментов — столько допускается в одном запросе",
                    Math.max(fields, limits.maxFields() + 1), limits.maxFields(), location);
        }
    }

    // ------------------------------------------------------------------------------------------------ cost

    /** The estimated cost of a validated operation and the path of its most expensive branch. */
    record Cost(long value, String path) {
    }

    static Cost cost(GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                     Map<String, Object> variables, QueryLimits limits) {
        GraphQLFieldsContainer root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        return new CostWalk(schema, fragments, variables, limits).cost(operation.getSelectionSet(), root, null);
    }

    private static final class CostWalk {
        private final GraphQLSchema schema;
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Object> variables;
        private final QueryLimits limits;

        CostWalk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables, QueryLimits limits) {
            this.schema = schema;
            this.fragments = fragments;
            this.variables = variables;
            this.limits = limits;
        }

        /** @param slice the page size of the enclosing connection, for its {@code edges}/{@code nodes} */
        Cost cost(SelectionSet selections, GraphQLType parent, Long slice) {
            long total = 0;
            long worst = -1;
            String worstPath = "";
            for (Selection<?> selection : selections.getSelections()) {
                Cost part;
                String name;
                if (selection instanceof Field field) {
                    part = field(field, parent, slice);
                    name = field.getSelectionSet() == null ? null : field.getResultKey();
                } else if (selection instanceof InlineFragment inline) {
                    part = cost(inline.getSelectionSet(), inline.getTypeCondition() == null ? parent
                            : schema.getType(inline.getTypeCondition().getName()), slice);
                    name = null;
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    part = cost(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()), slice);
                    name = null;
                } else {
                    continue;
                }
                total = add(total, part.value());
                if (part.value() > worst) {
                    worst = part.value();
                    worstPath = name == null ? part.path() : part.path().isEmpty() ? name : name + "." + part.path();
                }
            }
            return new Cost(total, worstPath);
        }

        private Cost field(Field field, GraphQLType parent, Long slice) {
            if (field.getName().startsWith("__") || field.getSelectionSet() == null
                    || !(parent instanceof GraphQLFieldsContainer container)) {
                return new Cost(1, "");
            }
            GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
            if (definition == null) {
                return new Cost(1, "");
            }
            boolean list = GraphQLTypeUtil.unwrapNonNull(definition.getType()) instanceof GraphQLList;
            Long own = slicingArgument(field, definition);
            long size = 1;
            Long childSlice = null;
            if (list) {
                size = own != null ? own
                        : slice != null && SLICED_FIELDS.contains(field.getName()) ? slice
                        : assumedSize(definition);
            } else {
                childSlice = own;
            }
            GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(definition.getType());
            Cost children = cost(field.getSelectionSet(), type, childSlice);
            return new Cost(add(1, multiply(Math.max(size, 0), children.value())), children.path());
        }

        private Long slicingArgument(Field field, GraphQLFieldDefinition definition) {
            for (GraphQLArgument argument : definition.getArguments()) {
                if (!SLICING_ARGUMENTS.contains(argument.getName())) {
                    continue;
                }
                Argument given = field.getArguments().stream().filter(a -> a.getName().equals(argument.getName()))
                        .findFirst().orElse(null);
                Object value = null;
                if (given != null && given.getValue() instanceof IntValue literal) {
                    value = literal.getValue();
                } else if (given != null && given.getValue() instanceof VariableReference variable) {
                    value = variables.get(variable.getName());
                }
                if (given == null || (value == null && given.getValue() instanceof VariableReference)) {
                    value = defaultValue(argument);
                }
                if (value instanceof BigInteger big) {
                    return big.min(BigInteger.valueOf(CAP)).longValue();
                }
                if (value instanceof Number number) {
                    return number.longValue();
                }
            }
            return null;
        }

        private static Object defaultValue(GraphQLArgument argument) {
            InputValueWithState state = argument.getArgumentDefaultValue();
            if (state.isLiteral() && state.getValue() instanceof IntValue literal) {
                return literal.getValue();
            }
            return state.isExternal() ? state.getValue() : null;
        }

        private long assumedSize(GraphQLFieldDefinition definition) {
            GraphQLAppliedDirective listSize = definition.getAppliedDirective("listSize");
            if (listSize != null && listSize.getArgument("assumed") != null) {
                Object assumed = listSize.getArgument("assumed").getValue();
                if (assumed instanceof Number number) {
                    return number.longValue();
                }
            }
            return limits.defaultListSize();
        }
    }

    private static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    private static long multiply(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > CAP / b ? CAP : Math.min(CAP, a * b);
    }
}
