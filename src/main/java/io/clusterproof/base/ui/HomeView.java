package io.clusterproof.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import jakarta.annotation.security.PermitAll;

/** Landing page: the places the signed-in user's role opens. */
@Route("")
@PageTitle("ClusterProof")
@PermitAll
public class HomeView extends VerticalLayout {

    HomeView() {
        add(new H2("Welcome to ClusterProof"));
        add(new Paragraph("Your role opens these pages:"));
        MenuConfiguration.getMenuEntries().forEach(entry -> add(new Anchor(entry.path(), entry.title())));
    }
}
