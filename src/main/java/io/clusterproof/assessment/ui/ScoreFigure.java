package io.clusterproof.assessment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.shared.Tooltip;
import java.util.Locale;

/** A score in large type, its name, and its formula in words (also as the tooltip). */
final class ScoreFigure extends Div {

    ScoreFigure(String id, String name, double percent, int part, int whole, String formula) {
        setId(id);
        var value = new Span(whole == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", percent));
        value.addClassName("cp-score");
        var label = new Div(new Span(name));
        var detail = new Div(new Span(part + " of " + whole + " · " + formula));
        detail.addClassName("cp-formula");
        add(value, label, detail);
        Tooltip.forComponent(this).setText(name + " = " + formula + " = " + part + " / " + whole);
        getElement().setAttribute("data-score", whole == 0 ? "" : String.valueOf(percent));
    }
}
