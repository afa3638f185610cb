package io.clusterproof.access;

import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User administration. Every change is written to the audit log in the same transaction. */
@Service
@Transactional
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SignedInSessions sessions;

    UserService(
            UserAccountRepository users,
            PasswordEncoder passwordEncoder,
            AuditLog auditLog,
            Clock clock,
            SignedInSessions sessions) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
        this.sessions = sessions;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public Page<UserSummary> search(@Nullable String text, Pageable pageable) {
        var pattern = "%" + (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) + "%";
        return users.search(pattern, pageable).map(UserAccount::summary);
    }

    /** Any signed-in user may look up a user's name, role and team (not their credentials). */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<UserSummary> find(String username) {
        return users.findByUsername(username).map(UserAccount::summary);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public UserSummary create(NewUser request) {
        return create(request, false);
    }

    /**
     * Creates a user whose password is published (a training or showcase installation): the same
     * rules apply, and the account is marked so that the {@code prod} profile refuses to start
     * while it exists and the users page shows the mark.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public UserSummary createWithPublishedPassword(NewUser request) {
        return create(request, true);
    }

    private UserSummary create(NewUser request, boolean publishedPassword) {
        var username = request.username().trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new UserFacingException("Username \"" + request.username()
                    + "\" is not valid: use 2 to 64 lower-case letters, digits, dots, dashes or underscores.");
        }
        if (users.existsByUsername(username)) {
            throw new UserFacingException("A user named \"" + username + "\" already exists.");
        }
        PasswordPolicy.check(username, request.password());
        var displayName = request.displayName().isBlank()
                ? username
                : request.displayName().trim();
        var account = users.save(new UserAccount(
                username,
                displayName,
                passwordEncoder.encode(request.password()),
                request.role(),
                blankToNull(request.team()),
                publishedPassword,
                clock.instant()));
        auditLog.record(AuditEvent.of("USER_CREATED", "user", username)
                .change(null, account.auditState())
                .withDetail(publishedPassword ? "published password" : null));
        return account.summary();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public UserSummary changeRole(String username, Role role) {
        return change(username, "USER_ROLE_CHANGED", account -> {
            requireLocal(account, "role");
            if (account.role() == Role.ADMIN && role != Role.ADMIN) {
                requireAnotherEnabledAdmin(account);
            }
            account.changeRole(role, clock.instant());
            sessions.endAll(account.username());
        });
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public UserSummary changeTeam(String username, @Nullable String team) {
        return change(username, "USER_TEAM_CHANGED", account -> {
            requireLocal(account, "team");
            account.changeTeam(blankToNull(team));
        });
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public UserSummary changeDisplayName(String username, String displayName) {
        return change(username, "USER_RENAMED", account -> account.changeDisplayName(displayName.trim()));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public UserSummary disable(String username) {
        return change(username, "USER_DISABLED", account -> {
            if (account.username().equals(AuditLog.currentActor())) {
                throw new UserFacingException("You cannot disable your own account.");
            }
            if (account.role() == Role.ADMIN) {
                requireAnotherEnabledAdmin(account);
            }
            account.disable();
            sessions.endAll(account.username());
        });
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public UserSummary enable(String username) {
        return change(username, "USER_ENABLED", UserAccount::enable);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public UserSummary resetPassword(String username, String newPassword) {
        PasswordPolicy.check(username, newPassword);
        // the audit entry says that the password changed, never what it is
        return change(username, "USER_PASSWORD_RESET", account -> {
            account.changePasswordHash(passwordEncoder.encode(newPassword));
            sessions.endAll(account.username());
        });
    }

    private UserSummary change(String username, String action, Consumer<UserAccount> mutation) {
        var account = users.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("There is no user named \"" + username + "\"."));
        var before = account.auditState();
        mutation.accept(account);
        auditLog.record(AuditEvent.of(action, "user", username).change(before, account.auditState()));
        return account.summary();
    }

    private void requireAnotherEnabledAdmin(UserAccount account) {
        if (!users.existsByRoleAndEnabledTrueAndUsernameNot(Role.ADMIN, account.username())) {
            throw new UserFacingException("\"" + account.username() + "\" is the last enabled administrator; "
                    + "make another user an administrator first.");
        }
    }

    /** The provider is the source of truth for its users: a change here would be undone at their next sign-in. */
    private static void requireLocal(UserAccount account, String what) {
        if (account.singleSignOn()) {
            throw new UserFacingException("\"" + account.username() + "\" signs in through single sign-on: their "
                    + what + " comes from the identity provider's groups. Change their groups there.");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
