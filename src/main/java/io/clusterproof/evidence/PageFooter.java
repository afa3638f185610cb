package io.clusterproof.evidence;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * "page X of Y" and the report's identity at the foot of every page. Y is known only when the
 * document closes, so it is drawn into a template that every page shows.
 */
final class PageFooter extends PdfPageEventHelper {

    private static final float SIZE = 7;

    private final PdfFonts fonts;
    private final String label;
    // OpenPDF calls onOpenDocument, which sets it, before any page ends or the document closes
    @SuppressWarnings("NullAway.Init")
    private PdfTemplate total;

    PageFooter(PdfFonts fonts, String label) {
        this.fonts = fonts;
        this.label = label;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(40, 10);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        var content = writer.getDirectContent();
        var page = "page " + writer.getPageNumber() + " of ";
        var y = document.bottom() - 24;
        var x = document.right() - 40 - fonts.regular.getWidthPoint(page, SIZE);
        content.saveState();
        content.beginText();
        content.setFontAndSize(fonts.regular, SIZE);
        content.setColorFill(PdfFonts.MUTED);
        content.setTextMatrix(document.left(), y);
        content.showText(label);
        content.setTextMatrix(x, y);
        content.showText(page);
        content.endText();
        content.addTemplate(total, x + fonts.regular.getWidthPoint(page, SIZE), y);
        content.restoreState();
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(fonts.regular, SIZE);
        total.setColorFill(PdfFonts.MUTED);
        total.setTextMatrix(0, 0);
        // the writer has moved past the last page when the document closes
        total.showText(String.valueOf(writer.getPageNumber() - 1));
        total.endText();
    }
}
