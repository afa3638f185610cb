package io.clusterproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.assessment.TrendPoint;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TrendImageTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-11-04T00:00:00Z");

    @Test
    void the_pdf_trend_draws_the_verified_share_and_leaves_an_empty_scope_as_a_gap_not_a_zero() throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(TrendImage.png(
                List.of(
                        new TrendPoint(1, Instant.parse("2026-11-01T06:00:00Z"), 80.0, 60.0, 70.0, true),
                        new TrendPoint(2, Instant.parse("2026-11-02T06:00:00Z"), 0.0, 0.0, 0.0, false),
                        new TrendPoint(3, Instant.parse("2026-11-03T06:00:00Z"), 90.0, 50.0, 85.0, true)),
                START,
                END,
                ZoneOffset.UTC)));

        // every score here is 50 % or more: anything of a series' colour in the lower third is a false 0
        int lowerThird = TrendImage.HEIGHT * 2 / 3;
        int bottom = TrendImage.HEIGHT;
        assertThat(pixels(image, TrendImage.CONTROL, lowerThird, bottom)).isZero();
        assertThat(pixels(image, TrendImage.RESOURCE, lowerThird, bottom)).isZero();
        assertThat(pixels(image, TrendImage.VERIFIED, lowerThird, bottom)).isZero();
        // below the legend (the top 30 pixels) and above the lower third: the verified share's own line
        assertThat(pixels(image, TrendImage.VERIFIED, 30, lowerThird))
                .as("the verified share is drawn")
                .isPositive();
    }

    private static int pixels(BufferedImage image, Color color, int fromY, int toY) {
        int count = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == (color.getRGB() & 0xffffff)) {
                    count++;
                }
            }
        }
        return count;
    }
}
