package io.clusterproof.access;

import java.util.Arrays;
import java.util.Optional;

/** Why a single sign-on was refused: a code for the refusal page's address, and the words it shows. */
public enum SingleSignOnRefusal {
    NO_MAPPED_GROUP(
            "no-mapped-group",
            "None of your groups at %s gives access to ClusterProof. Ask your administrator to add you to one"
                    + " of the groups ClusterProof maps to a role."),
    MISSING_CLAIM(
            "missing-claim",
            "%s did not confirm everything ClusterProof requires of an account (for example a verified email"
                    + " address). Complete your account at the provider, then sign in again."),
    INVALID_USERNAME(
            "invalid-username",
            "The username %s sent is empty or too long to be a ClusterProof username. Ask your administrator to"
                    + " check which claim ClusterProof reads it from."),
    USERNAME_TAKEN(
            "username-taken",
            "A local ClusterProof account already has your username, so your %s account cannot take it. Ask an"
                    + " administrator to resolve the clash."),
    DISABLED(
            "account-disabled",
            "Your ClusterProof account is disabled (single sign-on through %s). Ask an"
                    + " administrator to enable it."),
    PROVIDER_ERROR(
            "provider-error",
            "%s did not complete the sign-in. Try again; if it keeps failing, tell your administrator.");

    private final String code;
    private final String message;

    SingleSignOnRefusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message(String providerName) {
        return message.formatted(providerName);
    }

    public static Optional<SingleSignOnRefusal> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
