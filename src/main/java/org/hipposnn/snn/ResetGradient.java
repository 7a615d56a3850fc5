package org.hipposnn.snn;

/**
 * How the backward pass treats the reset by subtraction {@code u <- u - V o[t]}.
 *
 * <p>With d[t] = dL/du_post[t] = dL/du[t+1] (the membrane carries over) and g[t] = dL/do[t], the
 * gradient at the pre-reset potential u[t] is
 * <ul>
 * <li>{@link #DETACHED} (default, as Rathi et al.'s code, whose reset term is computed from a
 * non-differentiable comparison; SpikingJelly's {@code detach_reset=True}):
 * {@code dL/du[t] = g[t] sg(u[t]) + d[t]};</li>
 * <li>{@link #INCLUDED} (the exact chain rule of the surrogate model, SpikingJelly's default):
 * {@code dL/du[t] = (g[t] - V d[t]) sg(u[t]) + d[t]}, since du_post/du = 1 - V sg(u).</li>
 * </ul>
 * In both, dL/dI[t] = dL/du[t]. Detaching costs nothing and avoids the -V d[t] term, which with
 * sg up to alpha/V can shrink or flip the carried gradient of frequently firing neurons.
 */
public enum ResetGradient { DETACHED, INCLUDED }
