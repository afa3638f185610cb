package io.clusterproof.access.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.clusterproof.access.AccessProperties;
import io.clusterproof.access.SignInOptions;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · ClusterProof")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView(AccessProperties access, SignInOptions options) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(createI18n(access));
        var title = new H1("ClusterProof");
        title.addClassNames(LumoUtility.FontSize.XXXLARGE);
        var purpose =
                new Paragraph("Compliance posture of your Kubernetes clusters for HIPAA, PCI DSS v4.0.1 and GDPR.");
        purpose.addClassNames(LumoUtility.TextColor.SECONDARY);
        add(title, purpose);
        SignInChoices.around(form, options).forEach(this::add);
    }

    private static LoginI18n createI18n(AccessProperties access) {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        var error = new LoginI18n.ErrorMessage();
        // the same words for an unknown user, a wrong password, a disabled or a locked account
        error.setTitle("Sign-in failed");
        error.setMessage("Check the username and password and try again. After " + access.maxFailedSignIns()
                + " failed attempts, sign-in for that name pauses for "
                + access.lockout().toMinutes() + " minutes.");
        i18n.setErrorMessage(error);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
