package io.clusterproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PdfCellsTest {

    @Test
    void a_header_word_wider_than_its_column_is_set_smaller_instead_of_broken() {
        var fonts = PdfFonts.create();
        var cells = new PdfCells(fonts);
        var table = cells.table(9, 91);

        cells.header(table, "Assessment", "Title");

        var font = table.getRow(0).getCells()[0].getPhrase().getFont();
        var room = PdfCells.CONTENT_WIDTH * 9 / 100 - 2 * 3;
        assertThat(font.getBaseFont().getWidthPoint("Assessment", font.getSize()))
                .isLessThanOrEqualTo(room);
        var wide = table.getRow(0).getCells()[1].getPhrase().getFont();
        assertThat(wide.getSize()).isEqualTo(fonts.smallBold.getSize());
    }
}
