package io.clusterproof.base.ui;

import com.vaadin.flow.component.html.Span;

/** Lumo badges: the one way a status is shown as a coloured label. */
public final class Badges {

    private Badges() {}

    public static Span success(String text) {
        return badge(text, "success");
    }

    public static Span error(String text) {
        return badge(text, "error");
    }

    public static Span warning(String text) {
        return badge(text, "warning");
    }

    public static Span contrast(String text) {
        return badge(text, "contrast");
    }

    public static Span neutral(String text) {
        return badge(text, "neutral");
    }

    public static Span none() {
        return new Span();
    }

    /** Styled by {@code styles/clusterproof.css}: Lumo's badge module is not in the pre-compiled bundle. */
    private static Span badge(String text, String tone) {
        var badge = new Span(text);
        badge.addClassNames("cp-badge", "cp-badge-" + tone);
        return badge;
    }
}
