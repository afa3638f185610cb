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
    }

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

    void changeRole(Role role) {
        this.role = role;
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
        return new UserSummary(id == null ? 0 : id, username, displayName, role, team, enabled, demo, createdAt);
    }

    /** The state the audit log records: never the password hash. */
    String auditState() {
        return "role=" + role + ", team=" + (team == null ? "-" : team) + ", enabled=" + enabled + ", displayName="
                + displayName;
    }
}
