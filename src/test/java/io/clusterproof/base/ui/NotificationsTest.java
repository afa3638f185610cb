package io.clusterproof.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import io.clusterproof.base.InvalidInputException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationsTest {

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void an_error_that_stays_until_closed_still_shows_its_message() {
        Notifications.error("Justification: at least 20 characters.");

        var notification = only();
        assertThat(texts(notification)).contains("Justification: at least 20 characters.");
        assertThat(notification.getDuration()).isZero();
    }

    @Test
    void a_refused_input_is_marked_on_its_field_until_the_user_changes_it() {
        var ticket = new TextField("Ticket");
        var errors = new FormErrors().field("ticketUrl", ticket);

        errors.show(new InvalidInputException("ticketUrl", "A waiver needs a ticket link."));

        assertThat(ticket.isInvalid()).isTrue();
        assertThat(ticket.getErrorMessage()).isEqualTo("A waiver needs a ticket link.");
        assertThat(texts(only())).contains("A waiver needs a ticket link.");
    }

    @Test
    void a_dialog_with_input_ignores_clicks_outside_it_but_closes_on_escape() {
        var dialog = new FormDialog();

        assertThat(dialog.isCloseOnOutsideClick()).isFalse();
        assertThat(dialog.isCloseOnEsc()).isTrue();
    }

    private static Notification only() {
        var notifications = NotificationsKt.getNotifications();
        assertThat(notifications).hasSize(1);
        return notifications.get(0);
    }

    /** The text a user reads: components a notification holds are rendered instead of its text property. */
    private static Stream<String> texts(Notification notification) {
        var children = notification.getChildren().toList();
        if (children.isEmpty()) {
            return Stream.of(notification.getElement().getProperty("text", ""));
        }
        return children.stream()
                .flatMap(NotificationsTest::descendants)
                .filter(HasText.class::isInstance)
                .map(c -> ((HasText) c).getText());
    }

    private static Stream<Component> descendants(Component component) {
        return Stream.concat(Stream.of(component), component.getChildren().flatMap(NotificationsTest::descendants));
    }
}
