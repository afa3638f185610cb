package io.clusterproof.assessment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.shared.Tooltip;
import java.util.Locale;

/** A score in large type, its name, its parts, and its formula word for word as the hover help. */
final class ScoreFigure extends Div {

    ScoreFigure(String id, String name, double percent, int part, int whole, String detail, String formula) {
        setId(id);
        var value = new Span(whole == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", percent));
        value.addClassName("cp-score");
        var label = new Div(new Span(name));
        var parts = new Div(new Span(part + " of " + whole + " · " + detail));
        parts.addClassName("cp-formula");
        add(value, label, parts);
        Tooltip.forComponent(this).setText(formula);
        getElement().setAttribute("title", formula);
        getElement().setAttribute("data-score", whole == 0 ? "" : String.valueOf(percent));
    }
}
