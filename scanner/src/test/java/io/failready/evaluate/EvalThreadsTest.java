package io.failready.evaluate;

import io.failready.util.InputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How many rule sessions fire side by side: one per core unless the user says otherwise, and a typo is refused. */
class EvalThreadsTest {
    @AfterEach
    void clear() { System.clearProperty("failready.evalThreads"); }

    @Test
    void onePerCoreByDefault() {
        assertEquals(Math.min(Runtime.getRuntime().availableProcessors(), RuleEngine.MAX_EVAL_THREADS), RuleEngine.evalThreads());
    }

    @Test
    void theUsersCountWins() {
        System.setProperty("failready.evalThreads", " 3 ");
        assertEquals(3, RuleEngine.evalThreads());
    }

    @Test
    void aCountOutOfRangeOrNotANumberIsRefusedNamingTheVariable() {
        for (String bad : new String[] {"0", "two", "-1", "17"}) {
            System.setProperty("failready.evalThreads", bad);
            InputException e = assertThrows(InputException.class, RuleEngine::evalThreads);
            assertTrue(e.getMessage().contains("FAILREADY_EVAL_THREADS=" + bad) && e.getMessage().contains("1 to 16"), e.getMessage());
        }
    }
}
