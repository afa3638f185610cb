package io.clusterproof.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Marks a control that changes data. Views show such controls only to roles that may use them
 * (the services check again); tests find them by this mark to prove an auditor sees none.
 */
public final class ChangeAction {

    public static final String ATTRIBUTE = "data-changes-data";

    private ChangeAction() {}

    public static <T extends Component> T mark(T component) {
        component.getElement().setAttribute(ATTRIBUTE, true);
        return component;
    }
}
