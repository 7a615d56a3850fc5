package org.hipposnn.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MallocTunablesTest {
    @Test
    void tipsAboutTheTunablesOnlyOnLinuxWhenNoneAreSet() {
        assertTrue(MallocTunables.unset("Linux", null));
        assertTrue(MallocTunables.unset("Linux", ""));
        assertFalse(MallocTunables.unset("Linux", "glibc.malloc.arena_max=2"), "set on purpose");
        assertFalse(MallocTunables.unset("Linux", MallocTunables.TUNABLES));
        assertFalse(MallocTunables.unset("Mac OS X", null));
        assertFalse(MallocTunables.unset("Windows 11", null));
    }

    @Test
    void surefireGivesTheTestsTheSettingsMainSets() {
        // pom.xml spells the value out for surefire; this keeps the two from drifting apart
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("surefire.test.class.path") != null, "run by surefire");
        org.junit.jupiter.api.Assertions.assertEquals(MallocTunables.TUNABLES, System.getenv(MallocTunables.VARIABLE));
    }

    @Test
    void theSettingsAreGlibcMallocTunables() {
        for (String t : MallocTunables.TUNABLES.split(":")) assertTrue(t.matches("glibc\\.malloc\\.[a-z_]+=\\d+"), t);
    }
}
