package org.hipposnn.engine;

/**
 * glibc's switch that backs malloc's large blocks with transparent huge pages. ND4J allocates and zeroes fresh native
 * buffers for every layer and time step; with 4 KB pages every first touch faults, which made SNN training 5× slower
 * where faults are costly (docs/benchmarks.md, "Page faults"). glibc reads it only at process start, so the command line
 * relaunches itself with it and Fiji can only be told about it.
 */
public final class HugePages {
    public static final String VARIABLE = "GLIBC_TUNABLES";
    public static final String TUNABLE = "glibc.malloc.hugetlb=1";

    private HugePages() {}

    /** glibc's tunables exist only on Linux. */
    public static boolean linux(String osName) {
        return osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux");
    }

    /** True on Linux when the switch is neither on nor deliberately set otherwise. */
    public static boolean off(String osName, String glibcTunables) {
        return linux(osName) && (glibcTunables == null || !glibcTunables.contains("glibc.malloc.hugetlb="));
    }
}
