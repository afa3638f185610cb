package io.clusterproof.access;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and updates the accounts of single sign-on users from the provider's claims at every
 * sign-in: the provider is the source of truth for role and team. Each sign-in, each role change
 * by mapping and each refusal is written to the audit log, in the same transaction as the account.
 */
class SingleSignOnAccounts {

    /** Provider usernames may be email addresses (Entra ID's UPN); still one line, lower case, 64 at most. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{0,63}");

    static final String ACTOR = "single-sign-on";

    private final UserAccountRepository users;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SingleSignOnProperties properties;
    private final GroupRoleMapping mapping;

    SingleSignOnAccounts(
            UserAccountRepository users, AuditLog auditLog, Clock clock, SingleSignOnProperties properties) {
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
        this.properties = properties;
        this.mapping = new GroupRoleMapping(properties);
    }

    /** A granted sign-in names the account and its role; a refused one says why. */
    record Outcome(@Nullable UserSummary user, @Nullable SingleSignOnRefusal refusal) {}

    @Transactional
    public Outcome signIn(String issuer, String subject, Map<String, Object> claims) {
        var username = username(claims);
        var actor = username == null ? actorName("sso:" + subject) : username;
        var unmet = mapping.unmetRequirement(claims);
        if (unmet.isPresent()) {
            return refuse(
                    actor, SingleSignOnRefusal.MISSING_CLAIM, "claim " + unmet.get() + " missing or not as required");
        }
        if (username == null) {
            return refuse(actor, SingleSignOnRefusal.INVALID_USERNAME, "claim " + properties.usernameClaim());
        }
        var grant = mapping.grant(claims);
        var account = users.findBySsoIssuerAndSsoSubject(issuer, subject).orElse(null);
        if (grant.isEmpty()) {
            if (account != null && account.ssoConfirmedAt() != null) {
                var before = account.auditState();
                account.loseGrant("No mapped group at " + properties.providerName() + " since " + clock.instant());
                auditLog.recordAs(
                        ACTOR,
                        AuditEvent.of("USER_ROLE_CHANGED", "user", account.username())
                                .change(before, account.auditState())
                                .withDetail(
                                        "the provider's groups no longer grant a role; the user's API tokens stop"));
            }
            return refuse(actor, SingleSignOnRefusal.NO_MAPPED_GROUP, groupCount(claims));
        }
        if (account == null) {
            if (users.existsByUsername(username)) {
                return refuse(actor, SingleSignOnRefusal.USERNAME_TAKEN, "a local account is named " + username);
            }
            var identity = new SingleSignOnIdentity(issuer, subject, username, displayName(claims, username));
            account = users.save(UserAccount.singleSignOn(identity, grant.get(), clock.instant()));
            auditLog.recordAs(
                    ACTOR,
                    AuditEvent.of("USER_CREATED", "user", username)
                            .change(null, account.auditState())
                            .withDetail("first single sign-on through " + properties.providerName()));
        } else {
            if (!account.enabled()) {
                return refuse(account.username(), SingleSignOnRefusal.DISABLED, "account disabled in ClusterProof");
            }
            var before = account.auditState();
            if (account.applyGrant(grant.get(), displayName(claims, account.username()), clock.instant())) {
                auditLog.recordAs(
                        ACTOR,
                        AuditEvent.of("USER_ROLE_CHANGED", "user", account.username())
                                .change(before, account.auditState())
                                .withDetail("by group mapping: " + grant.get().source()));
            }
        }
        auditLog.recordAs(
                account.username(),
                AuditEvent.of("SIGN_IN", "session", account.username())
                        .withDetail("single sign-on through " + properties.providerName() + " as " + account.role()));
        return new Outcome(account.summary(), null);
    }

    /** Provider errors (a cancelled sign-in, a bad state) that never reached the claims. */
    @Transactional
    public void recordProviderError(String error) {
        auditLog.recordAs(
                ACTOR,
                AuditEvent.of("SIGN_IN_FAILED", "session", null)
                        .withDetail(
                                detail("single sign-on through " + properties.providerName() + " failed: " + error)));
    }

    private Outcome refuse(String actor, SingleSignOnRefusal refusal, String why) {
        auditLog.recordAs(
                actor,
                AuditEvent.of("SIGN_IN_FAILED", "session", actor)
                        .withDetail("refused by single sign-on through " + properties.providerName() + ": "
                                + refusal.code() + " (" + why + ")"));
        return new Outcome(null, refusal);
    }

    private @Nullable String username(Map<String, Object> claims) {
        var value = ClaimPath.value(claims, properties.usernameClaim());
        if (value == null) {
            return null;
        }
        var username = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        return USERNAME.matcher(username).matches() ? username : null;
    }

    private static String displayName(Map<String, Object> claims, String username) {
        var name = claims.get("name");
        if (name == null || String.valueOf(name).isBlank()) {
            return username;
        }
        var text = String.valueOf(name).trim();
        return text.length() > 128 ? text.substring(0, 128) : text;
    }

    private String groupCount(Map<String, Object> claims) {
        var groups = ClaimPath.values(claims, properties.groupsClaim());
        return groups.isEmpty()
                ? "no " + properties.groupsClaim() + " claim"
                : groups.size() + " group(s) in " + properties.groupsClaim() + ", none mapped";
    }

    private static String actorName(String text) {
        return text.length() > 64 ? text.substring(0, 64) : text;
    }

    private static String detail(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
