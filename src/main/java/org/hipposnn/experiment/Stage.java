package org.hipposnn.experiment;

import java.util.Locale;

/** The rows of the paper's Table 1, plus the direct-training baseline; each is one job per (fold, loss). */
public enum Stage {
    ANN("ann"), CONVERTED("converted"), FINE_TUNED("fine-tuned"), DIRECT("direct");

    private final String id;

    Stage(String id) { this.id = id; }

    /** The name in file names, results.csv and on the command line. */
    public String id() { return id; }

    public static Stage of(String id) {
        for (Stage s : values()) if (s.id.equals(id == null ? "" : id.trim().toLowerCase(Locale.ROOT))) return s;
        throw new IllegalArgumentException("stage is ann, converted, fine-tuned or direct, not '" + id + "'");
    }
}
