package io.clusterproof.base.ui;

import com.vaadin.flow.component.html.Div;
import io.clusterproof.base.Markdown;

/** A catalog text written in Markdown, shown formatted (code, emphasis, lists, links). */
public class MarkdownText extends Div {

    public MarkdownText(String markdown) {
        addClassName("cp-markdown");
        // safe: Markdown.html escapes raw HTML and drops unsafe links
        getElement().setProperty("innerHTML", Markdown.html(markdown));
    }
}
