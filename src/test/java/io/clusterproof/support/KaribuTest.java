package io.clusterproof.support;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import io.clusterproof.access.Role;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Browserless view tests: the real Spring context with Vaadin in a faked servlet environment. */
@IntegrationTest
public abstract class KaribuTest {

    public static final Routes ROUTES = new Routes().autoDiscoverViews("io.clusterproof");

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in for both Spring Security (method security) and Vaadin (view access control). */
    protected void signInAs(String username, Role role) {
        KaribuTestSignIn.as(username, role);
    }

    protected void signInAs(Role role) {
        signInAs(role.name().toLowerCase(), role);
    }
}
