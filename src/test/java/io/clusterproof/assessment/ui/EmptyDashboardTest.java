package io.clusterproof.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import io.clusterproof.access.Role;
import io.clusterproof.support.KaribuTest;
import io.clusterproof.support.KaribuTestSignIn;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** A fresh installation: no cluster yet, and the dashboard says what to do. Its own empty database. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:empty-dashboard;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password="
        })
class EmptyDashboardTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void setUp() {
        Function0<UI> factory = UI::new;
        MockVaadin.setup(factory, new MockSpringServlet(KaribuTest.ROUTES, context, factory));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void with_no_cluster_the_dashboard_explains_how_to_start() {
        KaribuTestSignIn.as("auditor", Role.AUDITOR);
        UI.getCurrent().navigate("");

        var empty = _get(Div.class, spec -> spec.withId("empty-dashboard"));
        assertThat(empty.getElement().getTextRecursively())
                .contains("No clusters yet")
                .contains("Register a live cluster");
        assertThat(_get(empty, Anchor.class, spec -> spec.withText("Register a cluster"))
                        .getHref())
                .isEqualTo("clusters");
    }
}
