package io.failready.tooling.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A bench run replaces the numbers in bench/results.md and keeps the hand-written notes below them. */
class BenchNotesTest {
    @Test
    void aNewRunKeepsTheNotesAndReplacesTheNumbers() {
        String old = "# failready benchmark results\n\n| evaluate 10k | 2.72 s |\n\n" + BenchRunner.NOTES + "\n\n## Why\n\nIndexes.\n";
        String fresh = "# failready benchmark results\n\n| evaluate 10k | 2.50 s |\n";
        assertEquals("# failready benchmark results\n\n| evaluate 10k | 2.50 s |\n\n" + BenchRunner.NOTES + "\n\n## Why\n\nIndexes.\n",
                BenchRunner.withNotes(fresh, old));
    }

    @Test
    void aFileWithoutNotesIsReplacedWhole() {
        assertEquals("new\n", BenchRunner.withNotes("new\n", "old numbers\n"));
        assertEquals("new\n", BenchRunner.withNotes("new\n", null));
    }
}
