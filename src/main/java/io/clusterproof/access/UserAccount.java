package io.clusterproof.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

@Entity
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String username;
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private @Nullable String team;
    private boolean enabled;
    private boolean demo;
    private Instant createdAt;
    private @Nullable String ssoIssuer;
    private @Nullable String ssoSubject;
    private @Nullable String roleSource;
    private @Nullable Instant roleChangedAt;
    private @Nullable Instant ssoConfirmedAt;

    @Version
    private long version;

    protected UserAccount() {
        this.username = "";
        this.displayName = "";
        this.passwordHash = "";
        this.role = Role.AUDITOR;
        this.createdAt = Instant.EPOCH;
    }

    UserAccount(
            String username,
            String displayName,
            String passwordHash,
            Role role,
            @Nullable String team,
            boolean demo,
            Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.team = team;
        this.enabled = true;
        this.demo = demo;
        this.createdAt = createdAt;
        this.roleChangedAt = createdAt;
    }

    /** An account created at a first single sign-on; it has no password that could ever match. */
    static UserAccount singleSignOn(SingleSignOnIdentity identity, RoleGrant grant, Instant now) {
        var account = new UserAccount(
                identity.username(), identity.displayName(), NO_PASSWORD, grant.role(), grant.team(), false, now);
        account.ssoIssuer = identity.issuer();
        account.ssoSubject = identity.subject();
        account.roleSource = grant.source();
        account.ssoConfirmedAt = now;
        return account;
    }

    /** Not a hash any encoder produces: password sign-in refuses single sign-on accounts before it gets here. */
    static final String NO_PASSWORD = "{sso}";

    @Nullable
    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    @Nullable
    String team() {
        return team;
    }

    boolean enabled() {
        return enabled;
    }

    boolean demo() {
        return demo;
    }

    Instant createdAt() {
        return createdAt;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void changeRole(Role role, Instant at) {
        if (this.role != role) {
            this.roleChangedAt = at;
        }
        this.role = role;
    }

    boolean singleSignOn() {
        return ssoSubject != null;
    }

    @Nullable
    Instant ssoConfirmedAt() {
        return ssoConfirmedAt;
    }

    /** The provider's groups granted this role and team at a sign-in; says whether either changed. */
    boolean applyGrant(RoleGrant grant, String displayName, Instant now) {
        var changed = role != grant.role() || !Objects.equals(team, grant.team());
        changeRole(grant.role(), now);
        this.team = grant.team();
        this.roleSource = grant.source();
        this.displayName = displayName;
        this.ssoConfirmedAt = now;
        return changed;
    }

    /** The provider no longer grants any role: the account keeps its history but its API tokens stop. */
    void loseGrant(String why) {
        this.roleSource = why;
        this.ssoConfirmedAt = null;
    }

    void changeTeam(@Nullable String team) {
        this.team = team;
    }

    void changeDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void enable() {
        this.enabled = true;
    }

    void disable() {
        this.enabled = false;
    }

    UserSummary summary() {
        return new UserSummary(
                id == null ? 0 : id,
                username,
                displayName,
                role,
                team,
                enabled,
                demo,
                createdAt,
                singleSignOn(),
                roleSource == null ? "Set by an administrator" : roleSource,
                roleChangedAt == null ? createdAt : roleChangedAt);
    }

    /** The state the audit log records: never the password hash. */
    String auditState() {
        return "role=" + role + ", team=" + (team == null ? "-" : team) + ", enabled=" + enabled + ", displayName="
                + displayName + (singleSignOn() ? ", roleSource=" + roleSource : "");
    }
}
