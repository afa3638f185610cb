package io.clusterproof.base.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The kinds of message a view shows after an action. */
public final class Notifications {

    private Notifications() {}

    public static void success(String message) {
        show(message, NotificationVariant.LUMO_SUCCESS, 4000);
    }

    public static void info(String message) {
        show(message, NotificationVariant.LUMO_CONTRAST, 4000);
    }

    /** Something worked only in part: the user should look, but nothing failed outright. */
    public static void warning(String message) {
        show(message, NotificationVariant.LUMO_WARNING, 0);
    }

    /** Errors stay until dismissed: the user has to read what to do next. */
    public static void error(String message) {
        show(message, NotificationVariant.LUMO_ERROR, 0);
    }

    /**
     * A notification that holds components renders them instead of its text, so a message that
     * stays until closed carries its text as a component beside the close button.
     */
    private static void show(String message, NotificationVariant variant, int durationMillis) {
        Notification notification;
        if (durationMillis == 0) {
            notification = new Notification();
            notification.setPosition(Notification.Position.TOP_CENTER);
            notification.setDuration(0);
            var text = new Span(message);
            text.addClassName("cp-notification-text");
            var layout = new HorizontalLayout(text, new CloseButton(notification));
            layout.setAlignItems(FlexComponent.Alignment.CENTER);
            notification.add(layout);
        } else {
            notification = new Notification(message, durationMillis, Notification.Position.TOP_CENTER);
        }
        notification.addThemeVariants(variant);
        notification.open();
    }
}
