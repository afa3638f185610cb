package io.clusterproof.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Span;
import io.clusterproof.base.WebLinks;
import org.jspecify.annotations.Nullable;

/**
 * A link to another site (a ticket, a piece of evidence) that opens in a new tab without telling
 * that site where it came from. A stored value that is not an http(s) address is shown as plain
 * text, never as a link, whatever put it in the database.
 */
public final class ExternalLink {

    private ExternalLink() {}

    public static Component of(@Nullable String url, String text) {
        if (url == null || !WebLinks.isWebUrl(url)) {
            return new Span(url == null || url.isBlank() ? text : url);
        }
        var anchor = new Anchor(url.trim(), text);
        anchor.setTarget(AnchorTarget.BLANK);
        anchor.getElement().setAttribute("rel", "noopener noreferrer");
        return anchor;
    }

    /** The address as its own text. */
    public static Component of(@Nullable String url) {
        return of(url, url == null ? "" : url);
    }
}
