package io.clusterproof.access;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String name;
    private String tokenHash;
    private String tokenPrefix;

    @Enumerated(EnumType.STRING)
    private Role role;

    private @Nullable String team;
    private String createdBy;
    private Instant createdAt;
    private Instant expiresAt;
    private @Nullable Instant revokedAt;
    private @Nullable Instant lastUsedAt;

    protected ApiToken() {
        this.name = "";
        this.tokenHash = "";
        this.tokenPrefix = "";
        this.role = Role.AUDITOR;
        this.createdBy = "";
        this.createdAt = Instant.EPOCH;
        this.expiresAt = Instant.EPOCH;
    }

    ApiToken(
            String name,
            String tokenHash,
            String tokenPrefix,
            Role role,
            @Nullable String team,
            String createdBy,
            Instant createdAt,
            Instant expiresAt) {
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.role = role;
        this.team = team;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String name() {
        return name;
    }

    Role role() {
        return role;
    }

    @Nullable
    String team() {
        return team;
    }

    String createdBy() {
        return createdBy;
    }

    @Nullable
    Instant revokedAt() {
        return revokedAt;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    void usedAt(Instant now) {
        lastUsedAt = now;
    }

    ApiTokenSummary summary(Instant now) {
        var state = revokedAt != null ? "REVOKED" : now.isBefore(expiresAt) ? "ACTIVE" : "EXPIRED";
        return new ApiTokenSummary(
                id == null ? 0 : id,
                name,
                tokenPrefix,
                role,
                team,
                createdBy,
                createdAt,
                expiresAt,
                revokedAt,
                lastUsedAt,
                state);
    }
}
