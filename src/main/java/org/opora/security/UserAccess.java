package org.opora.security;

import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.auth.Scope;
import org.opora.platform.errors.ApiException;

/**
 * Who may see and manage which user accounts (docs/security.md). ADMIN: everybody. A regional or municipal
 * coordinator: users whose territory lies inside their own, and may change such a user only when the user's
 * roles, before and after the change, are all at or below the coordinator's rank ({@link Role#rank()}) and
 * never ADMIN, and the new territory also lies inside their own. Nobody else manages users.
 */
final class UserAccess {

    private UserAccess() {
    }

    static boolean isManager(CurrentUser caller) {
        return caller.isAdmin() || caller.has(Role.REGIONAL_COORDINATOR) || caller.has(Role.MUNICIPAL_COORDINATOR);
    }

    /** The caller's territory contains the user's whole territory. */
    static boolean sees(CurrentUser caller, UserAccount user) {
        return caller.isAdmin() || (isManager(caller) && within(caller.scope(), user.scope()));
    }

    static boolean manages(CurrentUser caller, UserAccount user) {
        return caller.isAdmin() || (sees(caller, user) && rankAllows(caller, user));
    }

    static void requireSees(CurrentUser caller, UserAccount user) {
        if (!sees(caller, user)) {
            throw ApiException.forbidden("Недостаточно прав: пользователь «" + user.username() + "» вне вашей территории");
        }
    }

    /** Refuses unless the caller may turn {@code current} (null for a new user) into {@code next}. */
    static void requireManages(CurrentUser caller, UserAccount current, UserAccount next) {
        if (caller.isAdmin()) {
            return;
        }
        if (!isManager(caller)) {
            throw ApiException.forbidden("Недостаточно прав: пользователями управляют администратор и координаторы");
        }
        for (UserAccount account : current == null ? new UserAccount[]{next} : new UserAccount[]{current, next}) {
            if (account.roles().contains(Role.ADMIN)) {
                throw ApiException.forbidden("Недостаточно прав: администраторами управляет только администратор");
            }
            if (!within(caller.scope(), account.scope())) {
                throw ApiException.forbidden(account == current
                        ? "Недостаточно прав: пользователь «" + current.username() + "» вне вашей территории"
                        : "Недостаточно прав: территория пользователя должна входить в вашу");
            }
            if (!rankAllows(caller, account)) {
                throw ApiException.forbidden("Недостаточно прав: роли пользователя выше ваших ("
                        + account.roles().stream().filter(r -> r.rank() > Role.highestRank(caller.roles())).toList() + ")");
            }
        }
    }

    private static boolean rankAllows(CurrentUser caller, UserAccount user) {
        int own = Role.highestRank(caller.roles());
        return !user.roles().contains(Role.ADMIN) && user.roles().stream().allMatch(r -> r.rank() <= own);
    }

    /** Every level the outer scope fixes is fixed to the same id in the inner one. */
    static boolean within(Scope outer, Scope inner) {
        return outer.covers(inner.regionId(), inner.municipalityId(), inner.schoolId());
    }
}
