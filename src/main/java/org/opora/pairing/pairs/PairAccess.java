package org.opora.pairing.pairs;

import org.opora.pairing.region.PairingAccess;
import org.opora.platform.auth.CurrentUser;
import org.opora.platform.auth.Role;
import org.opora.platform.errors.ApiException;

/**
 * Who may see a pair and edit its joint plan: anyone whose scope covers one of the two schools sees it; the
 * school admins of the two schools and the coordinator of their territory edit the plan.
 */
public final class PairAccess {

    private PairAccess() {
    }

    public static void requirePlanEditor(CurrentUser user, NetworkPair pair) {
        boolean schoolAdmin = user.has(Role.SCHOOL_ADMIN) && user.scope().schoolId() != null
                && (user.scope().schoolId().equals(pair.mentee().id()) || user.scope().schoolId().equals(pair.leader().id()));
        if (!schoolAdmin && !PairingAccess.coordinatesBoth(user, pair.mentee(), pair.leader())) {
            throw ApiException.forbidden("Совместный план пары могут изменять администраторы двух школ пары "
                    + "и координатор их территории");
        }
    }

    public static boolean canSee(CurrentUser user, NetworkPair pair) {
        return PairingAccess.covers(user, pair.mentee()) || PairingAccess.covers(user, pair.leader());
    }

    public static void requireSee(CurrentUser user, NetworkPair pair) {
        if (!canSee(user, pair)) {
            throw ApiException.forbidden("Эта сетевая пара вне вашей территории");
        }
    }
}
