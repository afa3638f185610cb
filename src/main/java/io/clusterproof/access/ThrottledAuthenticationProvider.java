package io.clusterproof.access;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationServiceException;
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
        if (!countAttempt(username)) {
            spendOneHash(authentication);
            throw new LockedException("Too many failed sign-ins");
        }
        var result = super.authenticate(authentication);
        throttle.recordSuccess(username);
        return result;
    }

    /**
     * Counts the attempt; an attempt that cannot be counted (the database is busy or away) is
     * refused as a sign-in failure, so it is answered with the sign-in page and audited like any
     * other refusal.
     */
    private boolean countAttempt(String username) {
        try {
            return throttle.tryAttempt(username);
        } catch (DataAccessException e) {
            throw new AuthenticationServiceException("The sign-in could not be checked; try again in a moment.", e);
        }
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
