package io.clusterproof.access;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in that counts every attempt before it looks at the password and refuses a locked
 * username. Every refusal costs one password hash, whether the account exists, is disabled or is
 * locked, so the time of an answer says nothing about the account.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final SignInThrottle throttle;
    private final PasswordEncoder encoder;
    private volatile String decoyHash = "";

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle) {
        super(users);
        setPasswordEncoder(encoder);
        this.encoder = encoder;
        this.throttle = throttle;
        // disabled and locked accounts are refused after the password check, not before it
        setPreAuthenticationChecks(user -> {});
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var username = authentication.getName() == null ? "" : authentication.getName();
        if (!throttle.tryAttempt(username)) {
            spendOneHash(authentication);
            throw new LockedException("Too many failed sign-ins");
        }
        var result = super.authenticate(authentication);
        throttle.recordSuccess(username);
        return result;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        BadCredentialsException wrongPassword = null;
        try {
            super.additionalAuthenticationChecks(user, authentication);
        } catch (BadCredentialsException e) {
            wrongPassword = e;
        }
        if (!user.isEnabled()) {
            throw new DisabledException("Account disabled");
        }
        if (wrongPassword != null) {
            throw wrongPassword;
        }
    }

    private void spendOneHash(Authentication authentication) {
        if (decoyHash.isEmpty()) {
            decoyHash = encoder.encode("decoy-" + System.identityHashCode(this));
        }
        var presented = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        encoder.matches(presented, decoyHash);
    }
}
