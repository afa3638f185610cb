package io.clusterproof.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.clusterproof.base.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Turns an unexpected failure during a UI action into a notification that says what to do, instead
 * of a stack trace. The full exception goes to the log with a reference the user can quote.
 */
@Component
class ErrorNotifier implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorNotifier.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent event) {
        var message = messageFor(event.getThrowable());
        UI.getCurrent().access(() -> Notifications.error(message));
    }

    String messageFor(Throwable error) {
        if (changedMeanwhile(error)) {
            return "This was changed meanwhile (by someone else, or by an assessment). Reload the page to see it as it"
                    + " is now, then try again.";
        }
        var root = rootCause(error);
        if (root instanceof AccessDeniedException) {
            return "Your role does not allow this action. Ask an administrator if you need it.";
        }
        if (root instanceof UserFacingException userFacing) {
            return userFacing.getMessage();
        }
        var reference = Long.toHexString(System.nanoTime());
        log.error("Unexpected error in the UI (reference {})", reference, error);
        return "Something went wrong and nothing was changed. Try again; if it keeps failing, "
                + "give your administrator the reference " + reference + ".";
    }

    private static boolean changedMeanwhile(Throwable error) {
        for (var current = error;
                current != null;
                current = current.getCause() == current ? null : current.getCause()) {
            if (current instanceof OptimisticLockingFailureException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable error) {
        var current = error;
        while (current.getCause() != null
                && current.getCause() != current
                && !(current instanceof UserFacingException)
                && !(current instanceof AccessDeniedException)) {
            current = current.getCause();
        }
        return current;
    }
}
