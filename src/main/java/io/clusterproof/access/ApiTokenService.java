package io.clusterproof.access;

import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for pipelines and other tools. A token carries one role; only its SHA-256 is stored
 * (tokens are 256 random bits, so a slow hash adds nothing).
 */
@Service
@Transactional
public class ApiTokenService {

    static final String PREFIX = "cp_";
    static final String NOT_AN_API_TOKEN = "This is not a ClusterProof API token.";
    private static final Duration MAX_LIFETIME = Duration.ofDays(366);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

    private final ApiTokenRepository tokens;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TokenCreatorRule creatorRule;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, AuditLog auditLog, Clock clock, TokenCreatorRule creatorRule) {
        this.tokens = tokens;
        this.auditLog = auditLog;
        this.clock = clock;
        this.creatorRule = creatorRule;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public IssuedApiToken create(String name, Role role, Duration lifetime) {
        return create(name, role, lifetime, null);
    }

    /** As {@link #create(String, Role, Duration)}, with a note for the audit entry (where it was issued). */
    @RolesAllowed(Role.ADMIN_NAME)
    public IssuedApiToken create(String name, Role role, Duration lifetime, @Nullable String auditNote) {
        return create(name, role, null, lifetime, auditNote);
    }

    /**
     * As {@link #create(String, Role, Duration, String)}, for an engineer's token the team whose
     * remediation items it works; an engineer's token without a team changes no item.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public IssuedApiToken create(
            String name, Role role, @Nullable String team, Duration lifetime, @Nullable String auditNote) {
        var trimmed = name.trim();
        var tokenTeam = team == null || team.isBlank() ? null : team.trim();
        if (tokenTeam != null && role != Role.ENGINEER) {
            throw new UserFacingException("Only an engineer's token has a team; a token with role " + role
                    + " works on every team's items or on none.");
        }
        if (tokenTeam != null && tokenTeam.length() > 64) {
            throw new UserFacingException("Team \"" + tokenTeam + "\" is too long: at most 64 characters.");
        }
        if (!NAME.matcher(trimmed).matches()) {
            throw new UserFacingException("Token name \"" + name + "\" is not valid: use up to 64 letters, digits, "
                    + "spaces, dots, dashes or underscores.");
        }
        if (tokens.existsByName(trimmed)) {
            throw new UserFacingException("A token named \"" + trimmed + "\" already exists.");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new UserFacingException("A token must expire within 1 to 366 days.");
        }
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = clock.instant();
        var token = tokens.save(new ApiToken(
                trimmed,
                hash(value),
                value.substring(0, 8),
                role,
                tokenTeam,
                AuditLog.currentActor(),
                now,
                now.plus(lifetime)));
        auditLog.record(AuditEvent.of("API_TOKEN_CREATED", "api-token", trimmed)
                .change(
                        null,
                        "role=" + role + (tokenTeam == null ? "" : ", team=" + tokenTeam) + ", expiresAt="
                                + now.plus(lifetime))
                .withDetail(auditNote));
        return new IssuedApiToken(token.summary(now), value);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public void revoke(String name) {
        var token = tokens.findByName(name)
                .orElseThrow(() -> new NotFoundException("There is no token named \"" + name + "\"."));
        token.revoke(clock.instant());
        auditLog.record(AuditEvent.of("API_TOKEN_REVOKED", "api-token", name).change("ACTIVE", "REVOKED"));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public Page<ApiTokenSummary> list(Pageable pageable) {
        var now = clock.instant();
        return tokens.findAllByOrderByCreatedAtDesc(pageable).map(t -> t.summary(now));
    }

    /** A token that passed: its name and role. */
    /** A usable token: its name, role, team, and the administrator accountable for what it does. */
    record Authenticated(String name, Role role, @Nullable String team, String createdBy) {}

    /** What a presented token turned out to be: usable, or why not (said to its bearer only). */
    record Check(@Nullable Authenticated token, String rejection) {

        static Check rejected(String why) {
            return new Check(null, why);
        }
    }

    /** Resolves a presented token and records its use. */
    Check authenticateInTransaction(String presented) {
        if (!presented.startsWith(PREFIX)) {
            return Check.rejected(NOT_AN_API_TOKEN);
        }
        var now = clock.instant();
        var token = tokens.findByTokenHash(hash(presented)).orElse(null);
        if (token == null) {
            return Check.rejected("The API token is not known.");
        }
        if (token.revokedAt() != null) {
            return Check.rejected("The API token \"" + token.name() + "\" was revoked.");
        }
        if (!token.usableAt(now)) {
            return Check.rejected("The API token \"" + token.name() + "\" has expired.");
        }
        var creatorRejection = creatorRule.rejection(token.name(), token.createdBy(), now);
        if (creatorRejection.isPresent()) {
            return Check.rejected(creatorRejection.get());
        }
        token.usedAt(now);
        return new Check(new Authenticated(token.name(), token.role(), token.team(), token.createdBy()), "");
    }

    static String hash(String value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
