package org.hipposnn.fiji;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatusProgressTest {
    @Test
    void tipsAboutHugePagesOnlyOnLinuxWithoutTheSwitch() {
        assertTrue(StatusProgress.hugePagesOff("Linux", null));
        assertTrue(StatusProgress.hugePagesOff("Linux", "glibc.malloc.arena_max=2"));
        assertFalse(StatusProgress.hugePagesOff("Linux", "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"));
        assertFalse(StatusProgress.hugePagesOff("Linux", "glibc.malloc.hugetlb=0"), "switched off on purpose");
        assertFalse(StatusProgress.hugePagesOff("Mac OS X", null));
        assertFalse(StatusProgress.hugePagesOff("Windows 11", null));
    }
}
