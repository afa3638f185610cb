package io.clusterproof.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The three kinds of message a view shows after an action. */
public final class Notifications {

    private Notifications() {}

    public static void success(String message) {
        show(message, NotificationVariant.LUMO_SUCCESS, 4000);
    }

    public static void info(String message) {
        show(message, NotificationVariant.LUMO_CONTRAST, 4000);
    }

    /** Errors stay until dismissed: the user has to read what to do next. */
    public static void error(String message) {
        show(message, NotificationVariant.LUMO_ERROR, 0);
    }

    private static void show(String message, NotificationVariant variant, int durationMillis) {
        var notification = new Notification(message, durationMillis, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
        if (durationMillis == 0) {
            notification.add(new CloseButton(notification));
        }
        notification.open();
    }
}
