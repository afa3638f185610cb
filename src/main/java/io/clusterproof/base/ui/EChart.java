package io.clusterproof.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;

/**
 * A chart drawn by Apache ECharts, loaded from its webjar at run time so that Vaadin keeps its
 * pre-compiled frontend bundle (no npm build). Give it an ECharts option object as JSON; the
 * option JSON is also kept as an attribute, which tests read.
 */
@Tag("div")
public class EChart extends Component implements HasSize {

    static final String ECHARTS_URL = "context://webjars/echarts/5.3.1/dist/echarts.min.js";

    private String optionJson = "{}";

    public EChart() {
        setWidthFull();
        setHeight("220px");
        addAttachListener(event -> {
            event.getUI().getPage().addJavaScript(ECHARTS_URL);
            render();
        });
    }

    public void setOption(String optionJson) {
        this.optionJson = optionJson;
        getElement().setAttribute("data-option", optionJson);
        if (isAttached()) {
            render();
        }
    }

    public String getOption() {
        return optionJson;
    }

    private void render() {
        getElement().executeJs("""
                const el = this, option = JSON.parse($0);
                const draw = () => {
                  if (!window.echarts) { setTimeout(draw, 50); return; }
                  const chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el);
                  chart.setOption(option, true);
                  if (!el.__cpResize) { el.__cpResize = new ResizeObserver(() => chart.resize()); el.__cpResize.observe(el); }
                };
                draw();""", optionJson);
    }
}
