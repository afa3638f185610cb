package io.clusterproof.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;

final class CloseButton extends Button {

    CloseButton(Notification notification) {
        super(VaadinIcon.CLOSE_SMALL.create(), e -> notification.close());
        addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        setAriaLabel("Close");
    }
}
