package org.opora.security;

import jakarta.inject.Singleton;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.errors.ApiException;
import org.opora.platform.errors.ErrorCode;
import org.opora.platform.graphql.Arguments;
import org.opora.platform.graphql.Connection;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * User management: separate operations to create a user, change one (no password), reset a password (ADMIN) and
 * change one's own password, each checked by {@link UserAccess} and audited in the transaction of the change.
 */
@Singleton
class UserService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,63}");
    private static final int MAX_NAME = 200;

    private final UserRepository users;

    UserService(UserRepository users) {
        this.users = users;
    }

    StoredUser create(Arguments input, CurrentUser caller) {
        String username = input.requiredString("username");
        if (!USERNAME.matcher(username).matches()) {
            throw ApiException.badInput("username: логин — от 3 до 64 латинских букв, цифр и знаков . _ @ -, "
                    + "начинается с буквы или цифры");
        }
        String password = input.string("password");
        Passwords.validate("password", password, username);
        UserAccount next = new UserAccount(username, displayName(input.requiredString("displayName")),
                roles(input.stringList("roles")), scope(input.nested("scope")));
        UserAccess.requireManages(caller, null, next);
        return users.create(next, Passwords.hash(password), caller.username());
    }

    StoredUser update(String username, Arguments input, CurrentUser caller) {
        String newName = input.has("displayName") ? displayName(input.string("displayName")) : null;
        Set<Role> newRoles = input.has("roles") ? roles(input.stringList("roles")) : null;
        Scope newScope = input.has("scope") ? scope(input.nested("scope")) : null;
        Boolean newEnabled = input.bool("enabled");
        return users.update(username, caller.username(), current -> {
            UserAccess.requireSees(caller, current.account());
            UserAccount was = current.account();
            UserState next = new UserState(new UserAccount(was.username(), newName == null ? was.displayName() : newName,
                    newRoles == null ? was.roles() : newRoles, newScope == null ? was.scope() : newScope),
                    newEnabled == null ? current.enabled() : newEnabled);
            if (username.equals(caller.username()) && !next.sameRights(current.state())) {
                throw ApiException.forbidden("Свои роли, территорию и доступ может изменить только другой пользователь "
                        + "с правом управления");
            }
            UserAccess.requireManages(caller, was, next.account());
            return next;
        });
    }

    StoredUser resetPassword(String username, String password, CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Недостаточно прав: сбросить пароль может только администратор");
        }
        Passwords.validate("password", password, username);
        return users.setPassword(username, Passwords.hash(password), caller.username(), UserAuditAction.PASSWORD_RESET);
    }

    boolean changeOwnPassword(String currentPassword, String newPassword, CurrentUser caller) {
        LoginCredentials credentials = users.credentials(caller.username())
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "Учётная запись не найдена"));
        if (currentPassword == null || !Passwords.matches(currentPassword, credentials.passwordHash())) {
            throw ApiException.badInput("currentPassword: текущий пароль указан неверно");
        }
        Passwords.validate("newPassword", newPassword, caller.username());
        if (newPassword.equals(currentPassword)) {
            throw ApiException.badInput("newPassword: новый пароль совпадает с текущим");
        }
        users.setPassword(caller.username(), Passwords.hash(newPassword), caller.username(), UserAuditAction.PASSWORD_CHANGED);
        return true;
    }

    /** Null when there is no such user; FORBIDDEN outside the caller's territory. */
    StoredUser user(String username, CurrentUser caller) {
        Optional<StoredUser> found = users.find(username);
        found.ifPresent(u -> UserAccess.requireSees(caller, u.account()));
        return found.orElse(null);
    }

    Connection<UserView> list(Arguments filter, Integer first, String after, CurrentUser caller) {
        if (!UserAccess.isManager(caller)) {
            throw ApiException.forbidden("Недостаточно прав: список пользователей доступен администратору и координаторам");
        }
        Connection.Request page = Connection.request(first, after, 1);
        String role = filter.string("role");
        UserQuery query = new UserQuery(caller.isAdmin() ? Scope.EVERYWHERE : caller.scope(), filter.string("search"),
                role == null ? null : Role.valueOf(role), filter.string("regionId"), filter.string("municipalityId"),
                filter.string("schoolId"), filter.bool("enabled"));
        List<UserView> fetched = users.list(query, page.after(0), page.fetchSize()).stream()
                .map(u -> UserView.of(u, caller)).toList();
        return Connection.of(fetched, page, users.count(query), u -> Connection.cursor(u.username()));
    }

    Connection<UserAuditEntry> audit(String username, Integer first, String after, CurrentUser caller) {
        StoredUser user = users.find(username).orElseThrow(() -> ApiException.notFound("Пользователь", ApiException.Gender.MASCULINE, username));
        UserAccess.requireSees(caller, user.account());
        Connection.Request page = Connection.request(first, after, 2);
        List<UserAuditEntry> fetched = users.audit(username, page.after(0), page.after(1), page.fetchSize());
        return Connection.of(fetched, page, users.auditCount(username),
                e -> Connection.cursor(e.at().toOffsetDateTime().toString(), e.id()));
    }

    private static String displayName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.badInput("displayName: обязательное поле не заполнено");
        }
        if (name.length() > MAX_NAME) {
            throw ApiException.badInput("displayName: не длиннее " + MAX_NAME + " символов");
        }
        return name.trim();
    }

    private static Set<Role> roles(List<String> names) {
        if (names.isEmpty()) {
            throw ApiException.badInput("roles: укажите хотя бы одну роль");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    /**
     * A territory is a chain: a school lies in a municipality, a municipality in a region. The municipality and
     * school given must exist and belong to the region and municipality given, so that nobody gets rights on a
     * school of another territory by pairing ids that do not belong together. A region may not exist yet (its
     * coordinator is created before its data is imported).
     */
    private Scope scope(Arguments input) {
        Scope scope = new Scope(blankToNull(input.string("regionId")), blankToNull(input.string("municipalityId")),
                blankToNull(input.string("schoolId")));
        if (scope.municipalityId() != null) {
            if (scope.regionId() == null) {
                throw ApiException.badInput("scope.municipalityId: муниципалитет задаётся вместе с регионом (scope.regionId)");
            }
            String region = users.municipalityRegion(scope.municipalityId()).orElseThrow(() -> ApiException.badInput(
                    "scope.municipalityId: муниципалитет «" + scope.municipalityId() + "» не найден"));
            if (!region.equals(scope.regionId())) {
                throw ApiException.badInput("scope.municipalityId: муниципалитет «" + scope.municipalityId()
                        + "» относится к региону «" + region + "», а не «" + scope.regionId() + "»");
            }
        }
        if (scope.schoolId() != null) {
            if (scope.municipalityId() == null) {
                throw ApiException.badInput("scope.schoolId: школа задаётся вместе с муниципалитетом (scope.municipalityId)");
            }
            Scope place = users.schoolPlace(scope.schoolId()).orElseThrow(() -> ApiException.badInput(
                    "scope.schoolId: школа «" + scope.schoolId() + "» не найдена"));
            if (!scope.municipalityId().equals(place.municipalityId()) || !scope.regionId().equals(place.regionId())) {
                throw ApiException.badInput("scope.schoolId: школа «" + scope.schoolId() + "» относится к муниципалитету «"
                        + place.municipalityId() + "», а не «" + scope.municipalityId() + "»");
            }
        }
        return scope;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
