package io.clusterproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Chunk;
import org.junit.jupiter.api.Test;

class PdfMarkdownTest {

    @Test
    void markdown_becomes_formatted_text_without_its_markup() {
        var fonts = PdfFonts.create();

        var phrase = PdfMarkdown.phrase(
                "Remove `securityContext.privileged: true`.\n\n- **one** capability\n- nothing else",
                fonts.small,
                fonts.smallBold);

        var chunks = phrase.getChunks().stream().map(Chunk.class::cast).toList();
        assertThat(phrase.getContent())
                .doesNotContain("`")
                .doesNotContain("**")
                .contains("securityContext.privileged: true")
                .contains("• one capability");
        assertThat(chunks)
                .filteredOn(c -> c.getContent().equals("securityContext.privileged: true"))
                .singleElement()
                .satisfies(c -> assertThat(c.getChunkAttributes()).containsKey(Chunk.BACKGROUND));
        assertThat(chunks)
                .filteredOn(c -> c.getContent().equals("one"))
                .singleElement()
                .satisfies(c -> assertThat(c.getFont().getBaseFont()).isSameAs(fonts.bold));
    }
}
