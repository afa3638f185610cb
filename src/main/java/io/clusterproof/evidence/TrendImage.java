package io.clusterproof.evidence;

import io.clusterproof.assessment.TrendPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * The period's control score, verified share and resource score as a step chart, drawn with Java2D
 * into a PNG for the PDF (no browser, no JavaScript). Drawn at twice the printed size so it stays
 * sharp. Where the framework's scope was empty there is no score, and the lines break there.
 */
final class TrendImage {

    static final int WIDTH = 1030;
    static final int HEIGHT = 300;
    static final Color CONTROL = new Color(0x1f, 0x6f, 0xd0);
    static final Color RESOURCE = new Color(0x2e, 0x9d, 0x5b);
    static final Color VERIFIED = new Color(0x6a, 0x1b, 0x9a);

    private static final Font FONT = loadFont();
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 44;
    private static final int BOTTOM = 44;

    private TrendImage() {}

    static byte[] png(List<TrendPoint> points, Instant start, Instant end, ZoneId zone) {
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            axes(g, start, end, zone);
            legend(g);
            if (points.isEmpty()) {
                g.setColor(PdfFonts.MUTED);
                g.drawString("No assessment in this period", LEFT + 20, TOP + 40);
            } else {
                series(g, points, start, end, TrendPoint::plottedControlScore, CONTROL, 4f);
                series(g, points, start, end, TrendPoint::plottedVerifiedShare, VERIFIED, 2f);
                series(g, points, start, end, TrendPoint::plottedResourceScore, RESOURCE, 4f);
            }
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void axes(Graphics2D g, Instant start, Instant end, ZoneId zone) {
        g.setFont(FONT);
        var metrics = g.getFontMetrics();
        for (int percent = 0; percent <= 100; percent += 25) {
            int y = y(percent);
            g.setColor(percent == 0 ? PdfFonts.MUTED : new Color(0xe3, 0xe7, 0xec));
            g.setStroke(new BasicStroke(percent == 0 ? 2f : 1f));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(PdfFonts.MUTED);
            var label = percent + " %";
            g.drawString(label, LEFT - 10 - metrics.stringWidth(label), y + metrics.getAscent() / 2 - 2);
        }
        var format = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        var first = format.format(start);
        var last = format.format(end.minusSeconds(1));
        g.drawString(first, LEFT, HEIGHT - 14);
        g.drawString(last, WIDTH - RIGHT - metrics.stringWidth(last), HEIGHT - 14);
    }

    private static void legend(Graphics2D g) {
        int x = LEFT;
        for (var entry : List.of(
                new Object[] {"Control score", CONTROL},
                new Object[] {"Verified share", VERIFIED},
                new Object[] {"Resource score", RESOURCE})) {
            g.setColor((Color) entry[1]);
            g.fillRect(x, 12, 26, 8);
            g.setColor(PdfFonts.TEXT);
            g.drawString((String) entry[0], x + 34, 22);
            x += 60 + g.getFontMetrics().stringWidth((String) entry[0]);
        }
    }

    private static void series(
            Graphics2D g,
            List<TrendPoint> points,
            Instant start,
            Instant end,
            Function<TrendPoint, @Nullable Double> value,
            Color color,
            float width) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < points.size(); i++) {
            var here = value.apply(points.get(i));
            if (here == null) {
                continue; // no score while the scope was empty: a gap, never a drop to 0
            }
            int x1 = x(points.get(i).takenAt(), start, end);
            int x2 = i + 1 < points.size() ? x(points.get(i + 1).takenAt(), start, end) : WIDTH - RIGHT;
            int y1 = y(here);
            g.drawLine(x1, y1, x2, y1);
            var next = i + 1 < points.size() ? value.apply(points.get(i + 1)) : null;
            if (next != null) {
                g.drawLine(x2, y1, x2, y(next));
            }
            int dot = Math.round(width * 2.5f);
            g.fillOval(x1 - dot / 2, y1 - dot / 2, dot, dot);
        }
    }

    private static int x(Instant at, Instant start, Instant end) {
        double span = Math.max(1, end.getEpochSecond() - start.getEpochSecond());
        double fraction = Math.max(0, Math.min(1, (at.getEpochSecond() - start.getEpochSecond()) / span));
        return LEFT + (int) Math.round(fraction * (WIDTH - LEFT - RIGHT));
    }

    private static int y(double percent) {
        return TOP + (int) Math.round((100 - percent) / 100 * (HEIGHT - TOP - BOTTOM));
    }

    private static Font loadFont() {
        try (var in = PdfFonts.regularStream()) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(20f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
