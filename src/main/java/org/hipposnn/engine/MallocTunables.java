package org.hipposnn.engine;

/**
 * The glibc malloc settings the engine runs best with. ND4J allocates a fresh native buffer for every layer's output
 * and gradient, up to 178 MB each at T = 20; by default glibc serves such blocks with a new mapping each time, and
 * the kernel faults in and zeroes every page of it, which on virtual machines where faults are costly took up to
 * half the CPU (docs/benchmarks.md, "Page faults"). The settings: transparent huge pages for malloc's blocks
 * ({@code hugetlb=1}: 512× fewer faults), and one arena that never maps or unmaps large blocks and keeps up to 1 GiB
 * of freed memory ({@code arena_max=1}, {@code mmap_max=0}, {@code trim_threshold}), so a freed buffer's pages are
 * reused by the next allocation instead of being faulted and zeroed again: SNN training 1.4–1.9× faster still, for
 * 1.3–1.5× the peak memory (docs/benchmarks.md, "... and malloc arenas"). glibc reads them only at process start, so the command line
 * relaunches itself with them and Fiji can only be told about them.
 */
public final class MallocTunables {
    public static final String VARIABLE = "GLIBC_TUNABLES";
    public static final String TUNABLES =
            "glibc.malloc.hugetlb=1:glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=1073741824";

    private MallocTunables() {}

    /** glibc's tunables exist only on Linux. */
    public static boolean linux(String osName) {
        return osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux");
    }

    /** True on Linux when glibc's tunables are not set at all (someone who set them chose their own). */
    public static boolean unset(String osName, String glibcTunables) {
        return linux(osName) && (glibcTunables == null || glibcTunables.isEmpty());
    }
}
