package io.clusterproof.base;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Catalog texts (remediation, rationale) are Markdown. Rendered HTML is safe to show: raw HTML in
 * the source is escaped, and links other than http(s) and mailto are dropped.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (tag.equals("a")) {
                    attributes.put("rel", "noopener noreferrer nofollow");
                    attributes.put("target", "_blank");
                }
            })
            .build();

    private Markdown() {}

    public static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    public static String html(String markdown) {
        return HTML.render(parse(markdown));
    }
}
