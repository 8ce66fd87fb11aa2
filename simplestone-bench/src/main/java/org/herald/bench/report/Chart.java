package org.herald.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG: no script, no fonts, nothing fetched, so the report opens offline and
 * prints. Points carry a {@code <title>} so hovering shows the value.
 */
public final class Chart {
    private static final int W = 640, H = 320, LEFT = 64, RIGHT = 16, TOP = 28, BOTTOM = 44;

    public record Point(double x, double y) {}

    /** One line; {@code dash} distinguishes runs in a comparison, the colour distinguishes metrics. */
    public record Series(String name, String color, String dash, List<Point> points) {}

    private Chart() {}

    public static String svg(String id, String title, String xLabel, String yLabel, List<Series> series) {
        return svg(id, title, xLabel, yLabel, series, null);
    }

    /** {@code yTop}: a fixed top of the y axis (100 for percentages), or null to fit the data. */
    public static String svg(String id, String title, String xLabel, String yLabel, List<Series> series, Double yTop) {
        List<Point> all = new ArrayList<>();
        series.forEach(s -> all.addAll(s.points()));
        double xMax = niceCeil(1.05 * all.stream().mapToDouble(Point::x).max().orElse(1)); // the last point off the frame
        double dataTop = all.stream().mapToDouble(Point::y).max().orElse(1);
        double yMax = yTop != null && dataTop <= yTop ? yTop : niceCeil(1.02 * dataTop);
        double pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
        StringBuilder b = new StringBuilder(4096);
        b.append(String.format(Locale.ROOT, "<svg class=\"chart\" id=\"%s\" data-points=\"%d\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">", id, all.size(), W, H + 18 * series.size(), W,
                H + 18 * series.size(), esc(title)));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>", LEFT, esc(title)));
        // grid and ticks: 5 divisions on each axis
        for (int i = 0; i <= 5; i++) {
            double gy = TOP + ph - ph * i / 5;
            double gx = LEFT + pw * i / 5;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT, gy, LEFT + pw, gy));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>", LEFT - 6, gy + 4, num(yMax * i / 5)));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%s</text>", gx, TOP + ph + 16, num(xMax * i / 5)));
        }
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#888\"/>", LEFT, TOP, pw, ph));
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\">%s</text>", LEFT + pw / 2, TOP + ph + 34, esc(xLabel)));
        b.append(String.format(Locale.ROOT, "<text transform=\"translate(14 %.1f) rotate(-90)\" font-size=\"12\" text-anchor=\"middle\">%s</text>", TOP + ph / 2, esc(yLabel)));
        int legendY = H;
        for (Series s : series) {
            StringBuilder pts = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (Point p : s.points()) {
                double x = LEFT + pw * p.x() / xMax, y = TOP + ph - ph * p.y() / yMax;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: %s at %s</title></circle>",
                        x, y, s.color(), esc(s.name()), num(p.y()), num(p.x())));
            }
            b.append(String.format(Locale.ROOT, "<polyline class=\"series\" data-name=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"%s\" points=\"%s\"/>",
                    esc(s.name()), s.color(), s.dash(), pts.toString().trim()));
            b.append(dots);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", LEFT, legendY + 6, LEFT + 28, legendY + 6, s.color(), s.dash(), LEFT + 34, legendY + 10, esc(s.name())));
            legendY += 18;
        }
        return b.append("</svg>").toString();
    }

    /** 1, 2, 2.5, 5 × 10^n at or above v, so tick labels are round. */
    static double niceCeil(double v) {
        if (!(v > 0)) return 1;
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * mag >= v - 1e-9) return m * mag;
        return 10 * mag;
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) return Long.toString((long) v);
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
