package com.waymark.impact;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.waymark.insight.ActionReport;
import com.waymark.insight.WellbeingReport;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The impact report's charts, drawn with XChart from released figures only: a hidden figure is a gap, never a
 * value. A chart with fewer than two figures to draw is not drawn at all (an empty chart tells a reader nothing).
 * Charts are bitmaps at {@link #SCALE} times their size on the page (sharp in print); XChart's vector exporters
 * need libraries under the LGPL, which Waymark does not ship.
 */
final class ImpactCharts {

    /** Pixels per PDF point: 3 gives 216 dpi on the page. */
    static final int SCALE = 3;
    static final Color NHS_BLUE = new Color(0x00, 0x5E, 0xB8);
    static final Color DARK_BLUE = new Color(0x00, 0x30, 0x87);
    static final Color WARM = new Color(0xED, 0x8B, 0x00);
    static final Color GREY = new Color(0x42, 0x55, 0x63);
    static final Color PALE = new Color(0xE8, 0xED, 0xEE);

    private ImpactCharts() {
    }

    /** A chart as drawn, with the size it takes on the page in points. */
    record Drawn(BufferedImage image, float width, float height) {
    }

    /** Weekly average wellbeing and energy, 1 to 5, over the programme's weeks. */
    static Optional<Drawn> weekly(List<WellbeingReport.Week> weeks, int width, int height) {
        long shown = weeks.stream().filter(w -> w.wellbeing() != null).count();
        if (shown < 2) {
            return Optional.empty();
        }
        CategoryChart chart = base(width, height);
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setYAxisMin(1.0).setYAxisMax(5.0).setYAxisDecimalPattern("0");
        chart.getStyler().setLegendVisible(true).setLegendPosition(Styler.LegendPosition.InsideNE)
                .setLegendLayout(Styler.LegendLayout.Horizontal).setLegendBorderColor(Color.WHITE);
        chart.getStyler().setSeriesColors(new Color[] {NHS_BLUE, WARM});
        chart.getStyler().setMarkerSize(7);
        // Both series at each week's position, not side by side as bars would be.
        chart.getStyler().setOverlapped(true);
        List<String> labels = new ArrayList<>();
        List<Double> wellbeing = new ArrayList<>();
        List<Double> energy = new ArrayList<>();
        for (WellbeingReport.Week week : weeks) {
            labels.add(CoreSections.WEEK.format(week.weekOf()));
            wellbeing.add(week.wellbeing());
            energy.add(week.energy());
        }
        CategorySeries w = chart.addSeries("Wellbeing", labels, wellbeing);
        w.setMarker(SeriesMarkers.CIRCLE);
        w.setLineWidth(2.5f);
        CategorySeries e = chart.addSeries("Energy", labels, energy);
        e.setMarker(SeriesMarkers.DIAMOND);
        e.setLineWidth(2.5f);
        return Optional.of(draw(chart, width, height));
    }

    /** How many leaders' averages fell at each point of a 1 to 5 scale; hidden points are left empty and say so. */
    static Optional<Drawn> bands(String axis, List<Integer> peopleByScore, int width, int height) {
        if (peopleByScore.stream().filter(p -> p != null).count() < 2) {
            return Optional.empty();
        }
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int score = 1; score <= peopleByScore.size(); score++) {
            Integer people = peopleByScore.get(score - 1);
            labels.add(people == null ? score + " (hidden)" : Integer.toString(score));
            values.add(people == null ? 0 : people);
        }
        CategoryChart chart = bars(width, height, NHS_BLUE);
        chart.setXAxisTitle(axis);
        chart.setYAxisTitle("Leaders");
        chart.getStyler().setXAxisTitleVisible(true).setYAxisTitleVisible(true);
        chart.addSeries("Leaders", labels, values);
        return Optional.of(draw(chart, width, height));
    }

    /** Actions set, completed, on track and older than the at-risk age; hidden counts are left out. */
    static Optional<Drawn> actions(ActionReport a, int width, int height) {
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        add(labels, values, "Set by leaders", a.added());
        add(labels, values, "Completed", a.done());
        add(labels, values, "Open, on track", a.onTrack());
        add(labels, values, "Open over " + a.atRiskDays() + " days", a.atRisk());
        if (labels.size() < 2) {
            return Optional.empty();
        }
        CategoryChart chart = bars(width, height, DARK_BLUE);
        chart.setYAxisTitle("Actions");
        chart.getStyler().setYAxisTitleVisible(true);
        chart.addSeries("Actions", labels, values);
        return Optional.of(draw(chart, width, height));
    }

    private static void add(List<String> labels, List<Integer> values, String label, Integer value) {
        if (value != null) {
            labels.add(label);
            values.add(value);
        }
    }

    private static CategoryChart bars(int width, int height, Color colour) {
        CategoryChart chart = base(width, height);
        chart.getStyler().setLegendVisible(false).setSeriesColors(new Color[] {colour});
        chart.getStyler().setLabelsVisible(true).setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9))
                .setLabelsFontColor(GREY);
        chart.getStyler().setAvailableSpaceFill(0.55).setYAxisDecimalPattern("0").setYAxisMin(0.0);
        return chart;
    }

    private static CategoryChart base(int width, int height) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).build();
        CategoryStyler styler = chart.getStyler();
        styler.setChartTitleVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setPlotGridLinesColor(PALE);
        styler.setAxisTickLabelsColor(GREY);
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        styler.setChartPadding(4);
        styler.setAntiAlias(true);
        chart.getStyler().setXAxisTitleVisible(false).setYAxisTitleVisible(false);
        return chart;
    }

    private static Drawn draw(Chart<?, ?> chart, int width, int height) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(SCALE, SCALE);
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        return new Drawn(image, width, height);
    }
}
