package io.clusterproof.access;

import io.clusterproof.base.UserFacingException;

/** Long passwords beat complex ones; the only rule is length, plus not the username itself. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    private PasswordPolicy() {}

    static void check(String username, String password) {
        if (password.length() < MIN_LENGTH) {
            throw new UserFacingException("The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new UserFacingException("The password must not be the username.");
        }
    }
}
