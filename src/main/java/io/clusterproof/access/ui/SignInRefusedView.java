package io.clusterproof.access.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.clusterproof.access.SignInOptions;
import io.clusterproof.access.SingleSignOnRefusal;

/** Says why the identity provider's user was not let in, and what to do about it. */
@Route(value = "signin-refused", autoLayout = false)
@PageTitle("Sign-in refused · ClusterProof")
@AnonymousAllowed
public class SignInRefusedView extends VerticalLayout implements BeforeEnterObserver {

    private final SignInOptions options;
    private final Paragraph reason = new Paragraph();

    SignInRefusedView(SignInOptions options) {
        this.options = options;
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        var title = new H1("Sign-in refused");
        title.addClassNames(LumoUtility.FontSize.XXLARGE);
        reason.setId("refusal");
        reason.setMaxWidth("36em");
        var back = new Anchor("login", "Back to the sign-in page");
        back.setRouterIgnore(true);
        add(title, reason, back);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var code = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("reason")
                .orElse("");
        // only known reasons are shown: the address never puts its own words on the page
        var refusal = SingleSignOnRefusal.ofCode(code).orElse(SingleSignOnRefusal.PROVIDER_ERROR);
        reason.setText(refusal.message(options.singleSignOnProvider().orElse("The identity provider")));
    }
}
