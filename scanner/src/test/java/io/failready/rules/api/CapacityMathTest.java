package io.failready.rules.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CapacityMathTest {
    @Test
    void ceilIgnoresFloatingPointNoise() {
        assertEquals(2, CapacityMath.ceil(12 * 0.1 + 0.5));   // 1.7 -> 2
        assertEquals(2, CapacityMath.ceil(20 * 0.1));         // 2.0000000000000004 must stay 2
        assertEquals(6, CapacityMath.ceil(12 * 0.5));
    }

    @Test
    void ratiosPrintAsWritten() {
        assertEquals("0.5", CapacityMath.ratio(0.5));
        assertEquals("1", CapacityMath.ratio(1.0));
        assertEquals("0.25", CapacityMath.ratio(0.25));
    }

    @Test
    void anUnknownAmountPrintsAsAQuestionMarkNotAsMinusOne() {
        assertEquals("?", CapacityMath.amount(-1));
        assertEquals("12", CapacityMath.amount(12.0));
        assertEquals("2.5", CapacityMath.amount(2.5));
    }
}
