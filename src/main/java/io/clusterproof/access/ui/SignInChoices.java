package io.clusterproof.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.clusterproof.access.SignInOptions;
import java.util.List;

/**
 * The ways in on the sign-in page: "Sign in with &lt;provider&gt;" when single sign-on is on, beside
 * the password form, or with the form folded away for the break-glass administrator alone when
 * local sign-in is off.
 */
final class SignInChoices {

    private SignInChoices() {}

    static List<Component> around(LoginForm form, SignInOptions options) {
        var provider = options.singleSignOnProvider();
        if (provider.isEmpty()) {
            return List.of(form);
        }
        var button = new Button("Sign in with " + provider.get(), VaadinIcon.SIGN_IN.create());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        // a full page load: the browser leaves for the provider's sign-in page
        var start = new Anchor(options.singleSignOnStart(), button);
        start.setRouterIgnore(true);
        start.setId("sign-in-sso");
        if (options.localSignInOpen()) {
            var or = new Paragraph("or with a local account");
            or.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Vertical.SMALL);
            return List.of(start, or, form);
        }
        var breakGlass = new Details("Break-glass administrator (\"" + options.breakGlassUser() + "\")", form);
        breakGlass.setId("break-glass");
        breakGlass.addClassNames(LumoUtility.Margin.Top.LARGE);
        return List.of(start, breakGlass);
    }
}
