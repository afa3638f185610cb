package io.clusterproof.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.support.KaribuTest;
import io.clusterproof.support.UiTree;
import org.junit.jupiter.api.Test;

/** A page that does not exist, or that the role may not open, never lists the application's routes. */
class NotFoundViewTest {

    @Test
    void the_application_has_its_own_page_for_unknown_and_denied_addresses() {
        assertThat(KaribuTest.ROUTES.getErrorRoutes()).contains(NotFoundView.class);
    }

    @Test
    void it_says_what_happened_and_lists_no_routes() {
        var view = new NotFoundView();

        assertThat(view.setErrorParameter(null, null)).isEqualTo(404);
        assertThat(UiTree.text(view))
                .contains("This page does not exist, or your role may not open it")
                .doesNotContain("admin/users");
    }
}
