package io.rmaflow.report;

import io.rmaflow.notification.NoticeRenderer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * The report's chart, drawn on the server (JFreeChart) as a PNG that the e-mail carries: for
 * each measure of the month, what was achieved against the target, in percent. Labels are in
 * the customer's language where the server has a font for it, else in English, never as boxes.
 */
@Component
class ReportChart {

  static final int WIDTH = 640;
  static final int HEIGHT = 300;
  private static final Color ACHIEVED = new Color(0x2f, 0x6f, 0xb5);
  private static final Color TARGET = new Color(0xcb, 0xd2, 0xd9);

  private final NoticeRenderer words;

  ReportChart(NoticeRenderer words) {
    this.words = words;
  }

  byte[] png(ServiceReport report, Locale customerLocale) {
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    Locale locale = font.canDisplayUpTo(words.message("report.chart.title", customerLocale, report.month())) == -1
        ? customerLocale : Locale.ENGLISH;
    String achieved = words.message("report.chart.achieved", locale);
    String target = words.message("report.chart.target", locale);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    add(data, achieved, target, words.message("report.chart.response", locale), report.response().share(), HUNDRED);
    add(data, achieved, target, words.message("report.chart.resolution", locale), report.resolution().share(), HUNDRED);
    if (!report.complaints().isEmpty()) {
      long inTime = report.complaintsInTime();
      add(data, achieved, target, words.message("report.chart.complaints", locale),
          BigDecimal.valueOf(inTime * 100).divide(BigDecimal.valueOf(report.complaints().size()), 1,
              RoundingMode.HALF_UP), HUNDRED);
    }
    if (report.availability() != null) {
      add(data, achieved, target, words.message("report.chart.availability", locale), report.availability().actual(),
          report.availability().target());
    }

    CategoryAxis measures = new CategoryAxis();
    measures.setTickLabelFont(font);
    NumberAxis percent = new NumberAxis("%");
    // Differences of a tenth of a percent must show: the axis starts just below the lowest figure.
    double lowest = lowest(data);
    double from = lowest >= 99 ? 99 : lowest >= 90 ? 90 : 0;
    percent.setRange(from, 100 + (100 - from) * 0.08);
    percent.setTickLabelFont(font);
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, ACHIEVED);
    bars.setSeriesPaint(1, TARGET);
    bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2} %", new DecimalFormat("0.###")));
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelFont(font);
    bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    bars.setItemMargin(0.05);
    CategoryPlot plot = new CategoryPlot(data, measures, percent, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(TARGET);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    JFreeChart chart = new JFreeChart(plot);
    chart.setTitle(new TextTitle(words.message("report.chart.title", locale, report.month()), font.deriveFont(Font.BOLD, 14f)));
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(font);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private static double lowest(DefaultCategoryDataset data) {
    double lowest = 100;
    for (int row = 0; row < data.getRowCount(); row++) {
      for (int column = 0; column < data.getColumnCount(); column++) {
        Number value = data.getValue(row, column);
        if (value != null) {
          lowest = Math.min(lowest, value.doubleValue());
        }
      }
    }
    return lowest;
  }

  /** A measure without a figure (no case to measure) is left out of the chart. */
  private static void add(DefaultCategoryDataset data, String achieved, String target, String measure, BigDecimal value,
      BigDecimal goal) {
    if (value != null) {
      data.addValue(value, achieved, measure);
      data.addValue(goal, target, measure);
    }
  }
}
