package io.clusterproof.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import io.clusterproof.base.YamlRenderer;
import java.util.Collection;
import java.util.Map;

/**
 * An object shown as YAML, with the lines of the given field paths highlighted. The text is
 * rendered server-side as plain text nodes, so nothing in a manifest can inject markup.
 */
public class YamlView extends Div {

    public YamlView(Map<String, Object> object, Collection<String> highlighted) {
        addClassName("cp-yaml-frame");
        var pre = new Pre();
        pre.addClassName("cp-yaml");
        int highlightedLines = 0;
        for (var line : YamlRenderer.render(object)) {
            var span = new Span(line.text());
            if (highlighted.stream().anyMatch(p -> YamlRenderer.matches(line.path(), p))) {
                span.addClassName("cp-hl");
                span.getElement().setAttribute("data-path", line.path());
                highlightedLines++;
            }
            pre.add(span);
        }
        getElement().setAttribute("data-highlighted-lines", String.valueOf(highlightedLines));
        add(pre);
    }
}
