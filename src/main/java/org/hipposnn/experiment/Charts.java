package org.hipposnn.experiment;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import javax.imageio.ImageIO;
import org.hipposnn.io.AtomicFiles;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts (Fig. 3, Dice against T, learning curves), drawn by JFreeChart into PNG files. */
final class Charts {
    private Charts() {}

    /**
     * Fig. 3: firing rate per layer, one bar per series (e.g. converted, fine-tuned), the layer's
     * mean threshold in its label.
     *
     * @param rates series name -> layer -> firing rate; layers in network order
     */
    static void firingRates(Path png, String title, Map<String, Map<String, Double>> rates, Map<String, Double> thresholds)
            throws IOException {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        rates.forEach((series, layers) -> layers.forEach((layer, r) -> d.addValue(r, series,
                String.format(java.util.Locale.ROOT, "%s (V=%.2f)", layer, thresholds.getOrDefault(layer, Double.NaN)))));
        JFreeChart c = ChartFactory.createBarChart(title, "layer (mean threshold)", "spikes per neuron per step", d,
                PlotOrientation.VERTICAL, true, false, false);
        c.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        c.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        ((org.jfree.chart.renderer.category.BarRenderer) c.getCategoryPlot().getRenderer())
                .setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        c.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        save(png, c, 900, 480);
    }

    /**
     * 3-D Dice against T, one line per series; {@code flat} series (the ANN) are drawn across the
     * whole T range.
     */
    static void diceVsT(Path png, String title, Map<String, SortedMap<Integer, Double>> curves, Map<String, Double> flat)
            throws IOException {
        XYSeriesCollection d = new XYSeriesCollection();
        int lo = Integer.MAX_VALUE, hi = 1;
        for (var e : curves.entrySet()) {
            XYSeries s = new XYSeries(e.getKey());
            e.getValue().forEach(s::add);
            d.addSeries(s);
            if (!e.getValue().isEmpty()) {
                lo = Math.min(lo, e.getValue().firstKey());
                hi = Math.max(hi, e.getValue().lastKey());
            }
        }
        if (lo == Integer.MAX_VALUE) lo = 1;
        for (var e : flat.entrySet()) {
            XYSeries s = new XYSeries(e.getKey());
            s.add(lo, e.getValue());
            s.add(hi, e.getValue());
            d.addSeries(s);
        }
        JFreeChart c = ChartFactory.createXYLineChart(title, "time steps T", "3-D Dice", d, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = c.getXYPlot();
        LogAxis t = new LogAxis("time steps T (log scale)");
        t.setBase(2);
        t.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        t.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        plot.setDomainAxis(t);
        plot.getRangeAxis().setRange(0, 1);
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        save(png, c, 720, 480);
    }

    /** Validation Dice against training epoch, one line per stage's history (the convergence figure). */
    static void learningCurves(Path png, String title, java.util.List<LearningCurve> curves) throws IOException {
        XYSeriesCollection d = new XYSeriesCollection();
        for (LearningCurve c : curves) {
            XYSeries s = new XYSeries(String.format(java.util.Locale.ROOT, "%s %s (best epoch %d%s)", c.label(), c.stage(),
                    c.convergenceEpoch(), c.converged() ? ", converged" : ", not converged"));
            c.epochs().forEach(r -> s.add(r.epoch(), Double.isNaN(r.validationDice()) ? null : r.validationDice()));
            d.addSeries(s);
        }
        JFreeChart c = ChartFactory.createXYLineChart(title, "epoch", "validation Dice", d, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = c.getXYPlot();
        plot.getRangeAxis().setRange(0, 1);
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        plot.setRenderer(new XYLineAndShapeRenderer(true, false));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        save(png, c, 720, 480);
    }

    private static void save(Path png, JFreeChart chart, int w, int h) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        BufferedImage img = chart.createBufferedImage(w, h);
        Files.createDirectories(png.toAbsolutePath().getParent());
        AtomicFiles.writeStream(png, o -> ImageIO.write(img, "png", o));
    }
}
