package org.hipposnn.eval;

import java.util.Collection;

/** Mean and sample standard deviation, as the paper reports its Dice tables (mean ± std). */
public record Summary(double mean, double std, int n) {

    public static Summary of(Collection<Double> values) {
        int n = values.size();
        if (n == 0) return new Summary(Double.NaN, Double.NaN, 0);
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new Summary(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, n);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.2f ± %.2f (n=%d)", 100 * mean, 100 * std, n);
    }
}
