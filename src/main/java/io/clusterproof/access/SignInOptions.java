package io.clusterproof.access;

import java.util.Optional;

/** What the sign-in page offers: a single sign-on button, the password form, or both. */
public class SignInOptions {

    private final SingleSignOnProperties properties;

    SignInOptions(SingleSignOnProperties properties) {
        this.properties = properties;
    }

    /** The provider's display name when single sign-on is configured. */
    public Optional<String> singleSignOnProvider() {
        return properties.enabled() ? Optional.of(properties.providerName()) : Optional.empty();
    }

    /** Where the "Sign in with …" button leads: the start of the authorisation-code flow. */
    public String singleSignOnStart() {
        return SingleSignOn.START_PATH;
    }

    /** False when only the break-glass administrator may use the password form. */
    public boolean localSignInOpen() {
        return !properties.enabled() || properties.localSignIn();
    }

    public String breakGlassUser() {
        return properties.breakGlassUser();
    }
}
