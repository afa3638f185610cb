package io.clusterproof.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF read back with PDFBox. Text comes in content order (OpenPDF writes a table cell by cell),
 * and {@link #compact()} drops every whitespace, so a cell's text is contiguous however it wrapped.
 */
record PdfText(String text, int pages, List<PDFont> fonts) {

    static PdfText of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(false);
            var fonts = new ArrayList<PDFont>();
            for (var page : document.getPages()) {
                var resources = page.getResources();
                for (var name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            return new PdfText(stripper.getText(document), document.getNumberOfPages(), fonts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String compact() {
        return compact(text);
    }

    static String compact(String value) {
        return value.replaceAll("\\s+", "");
    }
}
