package io.clusterproof.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void code_and_emphasis_are_rendered() {
        assertThat(Markdown.html("Remove `privileged: true` and **drop ALL** others."))
                .contains("<code>privileged: true</code>")
                .contains("<strong>drop ALL</strong>")
                .doesNotContain("`")
                .doesNotContain("**");
    }

    @Test
    void raw_html_and_script_links_are_never_passed_through() {
        var html = Markdown.html("<script>alert(1)</script> <img src=x onerror=alert(2)>");

        assertThat(html).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;");
        assertThat(Markdown.html("[the fix](javascript:alert(3)) or [docs](https://kubernetes.io/docs/)"))
                .doesNotContain("href=\"javascript:")
                .contains("href=\"https://kubernetes.io/docs/\"");
    }
}
