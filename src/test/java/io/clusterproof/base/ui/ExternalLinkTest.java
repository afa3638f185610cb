package io.clusterproof.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

/** A stored link is checked again when shown: only http(s) addresses become anchors. */
class ExternalLinkTest {

    @Test
    void a_web_address_becomes_a_link_that_opens_apart_and_sends_no_referrer() {
        var link = ExternalLink.of("https://tickets.example/RISK-1");

        assertThat(link).isInstanceOf(Anchor.class);
        assertThat(((Anchor) link).getHref()).isEqualTo("https://tickets.example/RISK-1");
        assertThat(link.getElement().getAttribute("target")).isEqualTo("_blank");
        assertThat(link.getElement().getAttribute("rel")).isEqualTo("noopener noreferrer");
    }

    @Test
    void a_stored_script_or_data_address_is_shown_as_text_never_as_a_link() {
        for (var stored : new String[] {
            "javascript:alert(document.domain)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "//evil.example/x",
            "RISK-12"
        }) {
            var shown = ExternalLink.of(stored, "link");

            assertThat(shown).as(stored).isInstanceOf(Span.class);
            assertThat(shown.getElement().getText()).isEqualTo(stored);
        }
    }
}
