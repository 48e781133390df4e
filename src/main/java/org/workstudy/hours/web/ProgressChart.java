package org.workstudy.hours.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.workstudy.hours.internal.MonthHours;
import org.workstudy.hours.internal.Progress;
import org.workstudy.shared.Decimals;

/**
 * The progress chart drawn on the server as SVG, in two panels that share the months: the running total against the
 * requirement on one axis (so a month of 8 hours never looks like it passed 360), and the hours of each month on an
 * axis of their own below it. Plain SVG with presentation attributes and a {@code <title>} per point as its tooltip:
 * no script and no inline style, so the page's Content-Security-Policy has nothing to refuse. Coordinates are in the
 * SVG's own units for a drawing {@code width} wide (one geometry for phones, one for wider screens).
 */
record ProgressChart(boolean empty, String required, Panel total, Panel monthly) {

    /** One axis label (a horizontal grid line at {@code y}). */
    record Tick(double y, String label) {
    }

    /** A month's point or bar: its value, centre {@code x}, top {@code y} and (bars) height. */
    record Mark(String month, String value, double x, double y, double height) {
    }

    record XLabel(double x, String text) {
    }

    /**
     * One panel: the plot area between {@code left}/{@code right} and {@code top}/{@code bottom}, its ticks, marks,
     * the polyline through the marks (total), the month labels, the bar width (monthly) and the requirement's
     * height (total; -1 in the monthly panel).
     */
    record Panel(int width, int height, double left, double right, double top, double bottom, List<Tick> ticks,
            List<Mark> marks, String line, List<XLabel> xLabels, double barWidth, double requiredY) {
    }

    /** The chart for phones (first) and for wider screens. */
    static List<ProgressChart> both(Progress p) {
        return List.of(of(p, 360), of(p, 760));
    }

    static ProgressChart of(Progress p, int width) {
        List<MonthHours> months = p.byMonth();
        double required = p.requiredHours().doubleValue();
        double topTotal = Math.max(required, months.stream().mapToDouble(m -> m.cumulative().doubleValue())
                .max().orElse(0)) * 1.08;
        double topMonth = Math.max(1, months.stream().mapToDouble(m -> m.hours().doubleValue()).max().orElse(0));
        boolean narrow = width < 500;
        Panel total = panel(months, width, narrow ? 190 : 230, topTotal, true, required, narrow);
        Panel monthly = panel(months, width, narrow ? 130 : 150, topMonth, false, -1, narrow);
        return new ProgressChart(months.isEmpty(), Decimals.plain(p.requiredHours()), total, monthly);
    }

    private static Panel panel(List<MonthHours> months, int width, int height, double top, boolean cumulative,
            double required, boolean narrow) {
        double left = 40;
        double right = width - 12;
        double plotTop = 12;
        double bottom = height - 24;
        double step = niceStep(top / 4);
        double max = Math.ceil(top / step) * step;
        List<Tick> ticks = new ArrayList<>();
        for (double v = 0; v <= max + step / 2; v += step) {
            ticks.add(new Tick(y(v, max, plotTop, bottom), Decimals.plain(BigDecimal.valueOf(v))));
        }
        int n = Math.max(1, months.size());
        double slot = (right - left) / n;
        List<Mark> marks = new ArrayList<>();
        List<XLabel> labels = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int every = (int) Math.ceil(n / (narrow ? 4.0 : 8.0));
        for (int i = 0; i < months.size(); i++) {
            MonthHours m = months.get(i);
            double value = (cumulative ? m.cumulative() : m.hours()).doubleValue();
            double x = round(left + (i + 0.5) * slot);
            double y = y(value, max, plotTop, bottom);
            marks.add(new Mark(m.month().toString(), Decimals.plain(cumulative ? m.cumulative() : m.hours()), x, y,
                    round(bottom - y)));
            line.append(line.isEmpty() ? "" : " ").append(x).append(',').append(y);
            if (i % every == 0) {
                labels.add(new XLabel(x, m.month().toString()));
            }
        }
        double barWidth = round(Math.min(28, slot * 0.6));
        return new Panel(width, height, left, right, plotTop, bottom, ticks, marks, line.toString(), labels, barWidth,
                required < 0 ? -1 : y(required, max, plotTop, bottom));
    }

    private static double y(double value, double max, double top, double bottom) {
        return round(bottom - value / max * (bottom - top));
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * power >= raw) {
                return Math.max(1, f * power);
            }
        }
        return 10 * power;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
