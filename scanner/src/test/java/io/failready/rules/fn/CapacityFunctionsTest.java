package io.failready.rules.fn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapacityFunctionsTest {
    @Test
    void ceilIgnoresFloatingPointNoise() {
        assertEquals(2, CapacityFunctions.ceil(12 * 0.1 + 0.5));   // 1.7 -> 2
        assertEquals(2, CapacityFunctions.ceil(20 * 0.1));         // 2.0000000000000004 must stay 2
        assertEquals(6, CapacityFunctions.ceil(12 * 0.5));
    }

    @Test
    void ratiosPrintAsWritten() {
        assertEquals("0.5", CapacityFunctions.ratio(0.5));
        assertEquals("1", CapacityFunctions.ratio(1.0));
        assertEquals("0.25", CapacityFunctions.ratio(0.25));
    }

    @Test
    void instanceClassesCompareBySizeThenFamily() {
        assertTrue(CapacityFunctions.classSmaller("db.r6g.2xlarge", "db.r6g.large"));
        assertTrue(CapacityFunctions.classSmaller("db.r6g.xlarge", "db.m6g.xlarge"));
        assertTrue(CapacityFunctions.classSmaller("db.m6g.large", "db.t4g.large"));
        assertFalse(CapacityFunctions.classSmaller("db.r5.2xlarge", "db.r6g.2xlarge"));
        assertFalse(CapacityFunctions.classSmaller("db.m6g.large", "db.m6g.xlarge"));
        assertFalse(CapacityFunctions.classSmaller("db.r6g.2xlarge", "db.serverless"));   // not comparable
        assertEquals(-1, CapacityFunctions.classSize("db.serverless"));
    }
}
