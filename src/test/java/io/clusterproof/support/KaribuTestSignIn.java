package io.clusterproof.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import io.clusterproof.access.Role;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/** Signs a Karibu session in, for both Spring Security (method security) and Vaadin (view access control). */
public final class KaribuTestSignIn {

    private KaribuTestSignIn() {}

    public static void as(String username, Role role) {
        var principal = User.withUsername(username)
                .password("unused")
                .roles(role.name())
                .build();
        var authentication = new UsernamePasswordAuthenticationToken(
                principal, null, List.of(new SimpleGrantedAuthority(role.authority())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((p, r) -> r.equals(role.name()));
    }
}
