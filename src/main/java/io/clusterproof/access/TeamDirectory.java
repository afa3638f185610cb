package io.clusterproof.access;

import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams as the accounts record them: who belongs to a team, and whose work the signed-in user (or
 * API token) may change. Engineers work on their own team's items; officers and administrators on
 * every team's.
 */
@Service
@Transactional(readOnly = true)
public class TeamDirectory {

    private final UserAccountRepository users;

    TeamDirectory(UserAccountRepository users) {
        this.users = users;
    }

    /** The current user's scope, read from the account each time, so a team change applies at once. */
    @PermitAll
    public WorkScope currentScope() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return WorkScope.team(null);
        }
        var authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        if (authorities.contains(Role.OFFICER.authority()) || authorities.contains(Role.ADMIN.authority())) {
            return WorkScope.EVERY_TEAM;
        }
        if (authentication instanceof TeamBoundActor token) {
            return WorkScope.team(token.team());
        }
        return WorkScope.team(users.findByUsername(authentication.getName())
                .filter(UserAccount::enabled)
                .map(UserAccount::team)
                .orElse(null));
    }

    /** The enabled users of a team, by name: the people an item of that team can be assigned to. */
    @PermitAll
    public List<UserSummary> members(String team) {
        return users.findByTeamAndEnabledTrueOrderByUsername(team).stream()
                .map(UserAccount::summary)
                .toList();
    }

    /** Every team some enabled user belongs to, sorted. */
    @PermitAll
    public List<String> teams() {
        return users.enabledTeams();
    }
}
