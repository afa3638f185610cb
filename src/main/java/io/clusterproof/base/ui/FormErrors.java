package io.clusterproof.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import io.clusterproof.base.InvalidInputException;
import io.clusterproof.base.UserFacingException;
import java.util.HashMap;
import java.util.Map;

/**
 * Shows why a form was refused: in a notification, and next to the field the service named, which
 * stays marked invalid with that reason until the user changes it.
 */
public final class FormErrors {

    private final Map<String, HasValidation> fields = new HashMap<>();

    /** Registers the field that a service calls {@code name} in {@link InvalidInputException#field()}. */
    public <F extends HasValidation & HasValue<?, ?>> FormErrors field(String name, F field) {
        fields.put(name, field);
        field.addValueChangeListener(e -> {
            if (e.isFromClient() && field.isInvalid()) {
                field.setInvalid(false);
                field.setErrorMessage(null);
                field.setManualValidation(false);
            }
        });
        return this;
    }

    public void show(UserFacingException error) {
        if (error instanceof InvalidInputException invalid && fields.containsKey(invalid.field())) {
            var field = fields.get(invalid.field());
            // Built-in validation would clear the mark on the next blur; the server's reason wins
            // until the value changes.
            field.setManualValidation(true);
            field.setErrorMessage(error.getMessage());
            field.setInvalid(true);
        }
        Notifications.error(error.getMessage());
    }
}
