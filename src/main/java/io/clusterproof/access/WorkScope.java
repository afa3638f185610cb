package io.clusterproof.access;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whose remediation work the current user may change: every team's (officers, administrators) or
 * only their own team's (engineers; an engineer without a team changes nothing).
 *
 * @param team the engineer's team; null for every team, or for an engineer without one
 */
public record WorkScope(boolean everyTeam, @Nullable String team) {

    static final WorkScope EVERY_TEAM = new WorkScope(true, null);

    static WorkScope team(@Nullable String team) {
        return new WorkScope(false, team == null || team.isBlank() ? null : team);
    }

    /** Whether work on an item owned by {@code itemTeam} (null: no team yet) is within this scope. */
    public boolean covers(@Nullable String itemTeam) {
        return everyTeam || (team != null && Objects.equals(team, itemTeam));
    }

    /** Why an item of {@code itemTeam} is out of scope, in words for the user. */
    public String refusal(@Nullable String itemTeam) {
        var owner = itemTeam == null ? "no team yet" : "team \"" + itemTeam + "\"";
        return team == null
                ? "You belong to no team, so you can change no remediation item; an administrator sets your team."
                        + " This item belongs to " + owner + "."
                : "This item belongs to " + owner + "; you work on items of team \"" + team + "\" only."
                        + " An officer or administrator can change its team.";
    }
}
