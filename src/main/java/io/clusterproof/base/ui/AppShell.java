package io.clusterproof.base.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;

/**
 * Server push carries live progress (collections, exports) to the browser. Styles come from a plain
 * CSS file so that Vaadin keeps its pre-compiled frontend bundle.
 */
@Push
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("ClusterProof");
        settings.addLink("stylesheet", "styles/clusterproof.css");
        settings.addFavIcon("icon", "icons/clusterproof.svg", "32x32");
    }
}
