package org.opora.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import jakarta.inject.Named;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.errors.ErrorCode;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * The one place where a token's rights are checked against the stored user, for every authenticated request
 * on every endpoint (GraphQL, management, any controller): the token must carry the user's current security
 * stamp and the user must be enabled. A change of roles, territory or access, a password reset or change gives
 * the user a new stamp, so older tokens get 401 UNAUTHENTICATED on their next request instead of keeping their
 * rights until they expire. Runs right after Micronaut's security filter has read the token.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CurrentRightsFilter implements Ordered {

    static final String REVOKED = "Токен больше не действует: права пользователя изменились или вход запрещён. Войдите снова.";

    private final UserRepository users;
    private final Scheduler scheduler;

    CurrentRightsFilter(UserRepository users, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.users = users;
        this.scheduler = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    /** The database is read off the event loop, and only for requests that carry a token. */
    @RequestFilter
    Publisher<MutableHttpResponse<?>> check(HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> chain) {
        Authentication authentication = request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class).orElse(null);
        if (authentication == null || "/login".equals(request.getPath())) {
            return chain.proceed();
        }
        Object stamp = authentication.getAttributes().get(CurrentUser.STAMP_CLAIM);
        return Mono.fromCallable(() -> stamp != null
                        && users.activeStamp(authentication.getName()).filter(s -> Objects.equals(s, stamp)).isPresent())
                .subscribeOn(scheduler)
                .flatMap(current -> current ? Mono.from(chain.proceed()) : Mono.just(revoked()));
    }

    private static MutableHttpResponse<?> revoked() {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(Map.of("errors", List.of(Map.of(
                "message", REVOKED, "extensions", Map.of("code", ErrorCode.UNAUTHENTICATED.name())))));
    }
}
