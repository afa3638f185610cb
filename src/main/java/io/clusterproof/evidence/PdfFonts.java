package io.clusterproof.evidence;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans, bundled under {@code fonts/} and embedded (subset, Identity-H) in every report, so
 * the PDF looks the same everywhere and every character, arrows and ÷ included, has a glyph.
 */
final class PdfFonts {

    static final Color TEXT = new Color(0x1f, 0x29, 0x37);
    static final Color MUTED = new Color(0x5b, 0x66, 0x75);
    static final Color ALERT = new Color(0xb4, 0x23, 0x18);

    private static final byte[] REGULAR = read("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = read("fonts/DejaVuSans-Bold.ttf");

    final BaseFont regular;
    final BaseFont bold;
    final Font body;
    final Font small;
    final Font smallBold;
    final Font muted;
    final Font alert;
    final Font heading;
    final Font subheading;
    final Font title;

    private PdfFonts(BaseFont regular, BaseFont bold) {
        this.regular = regular;
        this.bold = bold;
        this.body = new Font(regular, 9, Font.NORMAL, TEXT);
        this.small = new Font(regular, 7, Font.NORMAL, TEXT);
        this.smallBold = new Font(bold, 7, Font.NORMAL, TEXT);
        this.muted = new Font(regular, 8, Font.NORMAL, MUTED);
        this.alert = new Font(bold, 9, Font.NORMAL, ALERT);
        this.heading = new Font(bold, 15, Font.NORMAL, TEXT);
        this.subheading = new Font(bold, 11, Font.NORMAL, TEXT);
        this.title = new Font(bold, 24, Font.NORMAL, TEXT);
    }

    /** A fresh set per document: the subset of glyphs to embed is tracked per document. */
    static PdfFonts create() {
        try {
            return new PdfFonts(
                    BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, REGULAR, null),
                    BaseFont.createFont(
                            "DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, BOLD, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream regularStream() {
        return new java.io.ByteArrayInputStream(REGULAR);
    }

    private static byte[] read(String resource) {
        try (var in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
