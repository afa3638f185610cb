package io.clusterproof.access;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password sign-in that refuses a locked username before it looks at the password. */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle) {
        super(users);
        setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var username = authentication.getName() == null ? "" : authentication.getName();
        if (throttle.isLocked(username)) {
            throw new LockedException("Too many failed sign-ins");
        }
        try {
            var result = super.authenticate(authentication);
            throttle.recordSuccess(username);
            return result;
        } catch (BadCredentialsException | DisabledException e) {
            throttle.recordFailure(username);
            throw e;
        }
    }
}
