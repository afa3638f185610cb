package io.clusterproof.access;

/**
 * Who may sign in with a password. Single sign-on accounts never may (they have no password).
 * With single sign-on on and local sign-in switched off, only the documented break-glass
 * administrator may, so that ClusterProof stays reachable when the provider is not.
 */
class PasswordSignInPolicy {

    private final SignInOptions options;

    PasswordSignInPolicy(SignInOptions options) {
        this.options = options;
    }

    boolean allows(UserAccount account) {
        if (account.singleSignOn()) {
            return false;
        }
        return options.localSignInOpen() || account.username().equals(options.breakGlassUser());
    }
}
