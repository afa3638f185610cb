package io.clusterproof.access;

import java.util.List;
import java.util.Locale;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final PasswordSignInPolicy policy;

    AccountUserDetailsService(UserAccountRepository users, PasswordSignInPolicy policy) {
        this.users = users;
        this.policy = policy;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // an account that may not use a password gets the same answer as an unknown name
        var account = users.findByUsername(username.trim().toLowerCase(Locale.ROOT))
                .filter(policy::allows)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .authorities(List.of(new SimpleGrantedAuthority(account.role().authority())))
                .disabled(!account.enabled())
                .build();
    }
}
