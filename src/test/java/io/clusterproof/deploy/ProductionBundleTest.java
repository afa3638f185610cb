package io.clusterproof.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.frontend.FrontendUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The production build serves Vaadin's pre-compiled bundle only while the committed frontend files are
 * the ones that bundle was built from; any difference makes Vaadin run an npm bundle build, which
 * cannot succeed offline.
 */
class ProductionBundleTest {

    @Test
    void the_committed_index_html_is_the_template_the_pre_compiled_bundle_was_built_from() throws IOException {
        String template;
        try (var in = FrontendUtils.class.getResourceAsStream(FrontendUtils.INDEX_HTML)) {
            assertThat(in).as("Vaadin's index.html template on the classpath").isNotNull();
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(Path.of("frontend", "index.html"))).isEqualTo(template);
    }

    @Test
    void there_is_one_frontend_folder_so_vaadin_never_picks_the_wrong_one() {
        assertThat(Path.of("src", "main", "frontend")).doesNotExist();
    }
}
