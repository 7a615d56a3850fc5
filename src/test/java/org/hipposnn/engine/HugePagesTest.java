package org.hipposnn.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HugePagesTest {
    @Test
    void tipsAboutHugePagesOnlyOnLinuxWithoutTheSwitch() {
        assertTrue(HugePages.off("Linux", null));
        assertTrue(HugePages.off("Linux", "glibc.malloc.arena_max=2"));
        assertFalse(HugePages.off("Linux", "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"));
        assertFalse(HugePages.off("Linux", "glibc.malloc.hugetlb=0"), "switched off on purpose");
        assertFalse(HugePages.off("Mac OS X", null));
        assertFalse(HugePages.off("Windows 11", null));
    }
}
