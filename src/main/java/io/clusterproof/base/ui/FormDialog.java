package io.clusterproof.base.ui;

import com.vaadin.flow.component.dialog.Dialog;

/**
 * A dialog that holds input. It closes only through its own buttons or Escape: a click outside it
 * (dismissing a notification, say) must never throw away what was typed.
 */
public class FormDialog extends Dialog {

    public FormDialog() {
        setCloseOnOutsideClick(false);
        setCloseOnEsc(true);
        setModal(true);
    }
}
