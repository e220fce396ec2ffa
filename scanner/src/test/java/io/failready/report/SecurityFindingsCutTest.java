package io.failready.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ASFF and OCSF text limits cut long annotations, waiver reasons and names: a cut through an emoji
 * (a UTF-16 surrogate pair) would leave half a character, which JSON can only carry as a lone
 * "\ud83d" escape that Security Hub and strict UTF-8 readers reject.
 */
class SecurityFindingsCutTest {
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aCutNeverSplitsAnEmojiAndStaysWithinTheLimit() {
        for (int before = 1018; before <= 1026; before++) {
            String s = "a".repeat(before) + "\uD83D\uDE00" + "b".repeat(50);
            String cut = SecurityFindings.cut(s, 1024);
            assertTrue(cut.length() <= 1024, "within the limit: " + cut.length());
            assertTrue(wellFormed(cut), "no half emoji when it starts at " + before);
            assertTrue(cut.endsWith("\u2026"), "marked as cut");
        }
        assertEquals("short \uD83D\uDE00", SecurityFindings.cut("short \uD83D\uDE00", 1024));
    }
}
