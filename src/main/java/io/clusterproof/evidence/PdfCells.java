package io.clusterproof.evidence;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import io.clusterproof.base.EnumLabels;
import java.awt.Color;

/** The few building blocks every part of the report is made of: headings, paragraphs, tables, status cells. */
final class PdfCells {

    static final Color HEADER = new Color(0xee, 0xf1, 0xf5);
    static final Color BORDER = new Color(0xd5, 0xda, 0xe1);
    /** A4 less the report's margins (see {@link PdfReport}): tables span it. */
    static final float CONTENT_WIDTH = PageSize.A4.getWidth() - 2 * PdfReport.SIDE_MARGIN;

    private static final float PADDING = 3;
    private static final float MIN_HEADER_SIZE = 5;

    private final PdfFonts fonts;

    PdfCells(PdfFonts fonts) {
        this.fonts = fonts;
    }

    PdfFonts fonts() {
        return fonts;
    }

    Paragraph heading(String text) {
        var paragraph = new Paragraph(text, fonts.heading);
        paragraph.setSpacingBefore(6);
        paragraph.setSpacingAfter(8);
        return paragraph;
    }

    Paragraph subheading(String text) {
        var paragraph = new Paragraph(text, fonts.subheading);
        paragraph.setSpacingBefore(8);
        paragraph.setSpacingAfter(4);
        paragraph.setKeepTogether(true);
        return paragraph;
    }

    Paragraph text(String text) {
        var paragraph = new Paragraph(text, fonts.body);
        paragraph.setSpacingAfter(4);
        paragraph.setLeading(12);
        return paragraph;
    }

    /** A statement the reader must not miss, in red. */
    Paragraph alert(String text) {
        var paragraph = new Paragraph(text, fonts.alert);
        paragraph.setSpacingAfter(4);
        return paragraph;
    }

    Paragraph muted(String text) {
        var paragraph = new Paragraph(text, fonts.muted);
        paragraph.setSpacingAfter(4);
        return paragraph;
    }

    PdfPTable table(float... widths) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(10);
        table.setHeaderRows(1);
        return table;
    }

    /**
     * Header cells whose words never break inside: a title with a word wider than its column is set
     * a little smaller until the word fits ("Severity", not "Severit y").
     */
    void header(PdfPTable table, String... titles) {
        table.setTotalWidth(CONTENT_WIDTH);
        var widths = table.getAbsoluteWidths();
        for (int i = 0; i < titles.length; i++) {
            var title = titles[i];
            var font = i < widths.length ? fitting(title, widths[i] - 2 * PADDING - 1) : fonts.smallBold;
            var cell = new PdfPCell(new Phrase(title, font));
            cell.setBackgroundColor(HEADER);
            style(cell);
            table.addCell(cell);
        }
    }

    void cells(PdfPTable table, String... texts) {
        for (var text : texts) {
            table.addCell(cell(text));
        }
    }

    PdfPCell cell(String text) {
        return cell(text, fonts.small);
    }

    PdfPCell cell(String text, Font font) {
        var cell = new PdfPCell(new Phrase(text, font));
        style(cell);
        return cell;
    }

    PdfPCell right(String text) {
        var cell = cell(text);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    PdfPCell span(String text, int columns) {
        var cell = new PdfPCell(new Phrase(text, fonts.smallBold));
        cell.setColspan(columns);
        cell.setBackgroundColor(new Color(0xf7, 0xf8, 0xfa));
        style(cell);
        return cell;
    }

    /** A status, tinted the way the UI's badges are. */
    PdfPCell status(String status) {
        var cell = cell(EnumLabels.words(status), fonts.smallBold);
        cell.setBackgroundColor(tint(status));
        return cell;
    }

    static Color tint(String status) {
        return switch (status) {
            case "FAIL" -> new Color(0xfd, 0xe2, 0xe1);
            case "PASS", "ATTESTED" -> new Color(0xdc, 0xf3, 0xe5);
            case "WAIVED", "PASS_WAIVED" -> new Color(0xff, 0xf3, 0xcd);
            case "UNKNOWN", "ERROR", "NEEDS_ATTESTATION" -> new Color(0xfd, 0xeb, 0xd0);
            default -> new Color(0xee, 0xf0, 0xf3);
        };
    }

    private Font fitting(String title, float width) {
        var size = fonts.smallBold.getSize();
        var longest = 0f;
        for (var word : title.split("\\s+")) {
            longest = Math.max(longest, fonts.bold.getWidthPoint(word, 1));
        }
        while (size > MIN_HEADER_SIZE && longest * size > width) {
            size -= 0.25f;
        }
        return size == fonts.smallBold.getSize()
                ? fonts.smallBold
                : new Font(fonts.bold, size, Font.NORMAL, PdfFonts.TEXT);
    }

    PdfPCell markdown(String markdown) {
        var cell = new PdfPCell(PdfMarkdown.phrase(markdown, fonts.small, fonts.smallBold));
        style(cell);
        return cell;
    }

    private static void style(PdfPCell cell) {
        cell.setPadding(PADDING);
        cell.setPaddingBottom(4);
        cell.setBorderColor(BORDER);
        cell.setBorderWidth(0.5f);
    }
}
