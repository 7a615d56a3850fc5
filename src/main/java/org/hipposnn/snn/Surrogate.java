package org.hipposnn.snn;

/**
 * The surrogate derivative of the spike o = H(u - V) with respect to the membrane potential u
 * (the pre-reset potential that was compared to the threshold V), paper Eq. 5.
 *
 * <ul>
 * <li>{@link Form#THRESHOLD_UNITS} (default): the reference implementation (Rathi et al. 2020,
 * and shared/bench/torch_reference.py) applies the linear surrogate to x = u/V - 1 and lets
 * autograd carry the chain rule, so with respect to u it is
 * {@code do/du = (alpha / V) * max(0, 1 - |u/V - 1|)}.</li>
 * <li>{@link Form#PAPER}: Eq. 5 as printed, {@code do/du = alpha * max(0, 1 - |u - V|)}.</li>
 * </ul>
 * With V = 1 (weight-normalised conversion) the two coincide. {@link #integral} is a smooth
 * stand-in for the spike whose derivative is exactly {@link #derivative} (used by the gradient check:
 * o = alpha * S(x), S' = max(0, 1 - |x|), S(-inf) = 0).
 *
 * @param form  where the surrogate is centred and scaled
 * @param alpha its height (0.3 in Rathi et al.)
 */
public record Surrogate(Form form, double alpha) {

    public enum Form { THRESHOLD_UNITS, PAPER }

    public static final double DEFAULT_ALPHA = 0.3;

    public Surrogate {
        if (form == null) throw new IllegalArgumentException("form");
        if (!(alpha > 0)) throw new IllegalArgumentException("alpha must be > 0: " + alpha);
    }

    public static Surrogate defaults() { return new Surrogate(Form.THRESHOLD_UNITS, DEFAULT_ALPHA); }

    private boolean units() { return form == Form.THRESHOLD_UNITS; }

    /** do/du at potential u for threshold v. */
    public double derivative(double u, double v) {
        double x = units() ? u / v - 1 : u - v;
        double s = 1 - Math.abs(x);
        return s <= 0 ? 0 : (units() ? alpha / v : alpha) * s;
    }

    /** The smooth spike whose derivative in u is {@link #derivative}: alpha * S(x) (times V/V). */
    public double integral(double u, double v) {
        double x = units() ? u / v - 1 : u - v;
        double s;
        if (x <= -1) s = 0;
        else if (x <= 0) s = 0.5 * (x + 1) * (x + 1);
        else if (x < 1) s = 1 - 0.5 * (1 - x) * (1 - x);
        else s = 1;
        return alpha * s;
    }
}
