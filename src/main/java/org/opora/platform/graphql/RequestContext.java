package org.opora.platform.graphql;

import graphql.schema.DataFetchingEnvironment;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ApiException;
import org.opora.platform.errors.ErrorCode;

/** What a data fetcher may know about the request it serves. */
public final class RequestContext {

    static final String USER_KEY = "opora.user";
    /** The request's {@link org.opora.platform.neo4j.RequestBudget}. */
    static final String BUDGET_KEY = "opora.budget";
    /** The operation's estimated cost (a Long), set before execution. */
    static final String COST_KEY = "opora.cost";

    private RequestContext() {
    }

    /** The caller; never null inside a non-public field (the controller refuses anonymous calls). */
    public static CurrentUser user(DataFetchingEnvironment env) {
        CurrentUser user = env.getGraphQlContext().get(USER_KEY);
        if (user == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Требуется вход в систему");
        }
        return user;
    }
}
