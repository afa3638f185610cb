package io.clusterproof.access;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Writes every password sign-in, good or bad, to the audit log. */
@Component
class SignInAuditor {

    private static final int MAX_TYPED_NAME = 64;

    private final AuditLog auditLog;

    SignInAuditor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken authentication) {
            auditLog.recordAs(authentication.getName(), AuditEvent.of("SIGN_IN", "session", authentication.getName()));
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken authentication) {
            var typed = typedName(authentication.getName());
            auditLog.recordAs(
                    typed,
                    AuditEvent.of("SIGN_IN_FAILED", "session", typed)
                            .withDetail(reason(event.getException().getClass().getSimpleName())));
        }
    }

    private static String typedName(String name) {
        var cleaned = name == null ? "" : name.replaceAll("\\p{Cntrl}", "").trim();
        return cleaned.length() > MAX_TYPED_NAME ? cleaned.substring(0, MAX_TYPED_NAME) : cleaned;
    }

    private static String reason(String exception) {
        return switch (exception) {
            case "LockedException" -> "refused: too many failed sign-ins";
            case "DisabledException" -> "refused: account disabled";
            case "AuthenticationServiceException" -> "refused: the sign-in could not be checked";
            default -> "refused: wrong username or password";
        };
    }
}
