package io.failready.rules;

import io.failready.util.InputException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses, at load, user DRL and decision classes that name the JVM's ways out of a rule: ending or forking the
 * process, threads, reflection, class loading, files and the network. Defence in depth only: a
 * rule can still reach such code through a library on the class path, so the runtime guard
 * ({@link io.failready.evaluate.RuleSandbox}) is what really holds; this turns the obvious cases
 * into an error naming file and line before anything runs.
 */
final class UnsafeDrl {
    private UnsafeDrl() {}

    private static final Pattern UNSAFE = Pattern.compile(
            "\\bSystem\\s*\\.\\s*(?:exit|halt|getenv|getProperties|setProperty|clearProperty|setProperties|load|loadLibrary|setIn|setOut|setErr|setSecurityManager|console|inheritedChannel)\\b"
            + "|\\b\\w*ClassLoader\\w*|\\.\\s*class\\s*\\.|\\borg\\s*\\.\\s*mvel2|\\bfreemarker\\s*\\."
            + "|\\b(?:Runtime|ProcessBuilder|ProcessHandle|Process|Thread|ThreadGroup|ThreadLocal|SecurityManager|ServiceLoader|MVEL"
            + "|KieHelper|KieServices|KieFileSystem|KnowledgeBuilder|KnowledgeBuilderFactory|getModule"
            + "|MethodHandles?|VarHandle|Unsafe|ScriptEngine|ScriptEngineManager|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Timer)\\b"
            + "|\\b(?:forName|getClass|getDeclared\\w*|setAccessible|newInstance|getMethod|getField|getConstructor|exec|loadClass)\\s*\\("
            + "|\\bjava\\s*\\.\\s*(?:lang\\s*\\.\\s*(?:reflect|invoke|management|instrument)|io|nio|net|rmi)\\b|\\b(?:javax|sun|jdk|com\\s*\\.\\s*sun)\\s*\\.");

    /**
     * What a decision class may not do on top of what DRL may not: code the JVM runs on its own
     * threads, outside the sandbox's time budget and exit guard (finalizers, cleaners, reference
     * queues), and native methods.
     */
    private static final Pattern UNSAFE_JAVA = Pattern.compile("\\bfinalize\\b|\\bCleaner\\b|\\bjava\\s*\\.\\s*lang\\s*\\.\\s*ref\\b|\\bnative\\b");

    /** @throws InputException naming file, line and the construct when {@code text} uses one. */
    static void check(String text, String displayName) {
        check(text, displayName, "rule file", UNSAFE);
    }

    /** The same checks for a user directory's decision class (a {@code .java} file compiled with its DRL). */
    static void checkJava(String text, String displayName) {
        check(text, displayName, "decision class", UNSAFE);
        check(text, displayName, "decision class", UNSAFE_JAVA);
    }

    private static void check(String text, String displayName, String what, Pattern unsafe) {
        String code = codeOnly(decodeUnicodeEscapes(text));
        Matcher m = unsafe.matcher(code);
        if (!m.find()) return;
        int line = 1, col = 1;
        for (int i = 0; i < m.start(); i++) {
            if (code.charAt(i) == '\n') { line++; col = 1; } else col++;
        }
        throw new InputException(displayName, line, col, what + " uses \"" + m.group().replaceAll("\\s+", "").replace("(", "")
                + "\", which rule directories may not: rules only judge facts, they may not end or fork the process, start threads, "
                + "use reflection or class loading, finalizers or native code, or touch files, the network or the environment.");
    }

    /** Java reads unicode escapes before anything else, so "Sys\\u0074em.exit" is System.exit to the compiler. */
    static String decodeUnicodeEscapes(String s) {
        if (s.indexOf("\\u") < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) == 'u') j++;
                if (j + 4 <= s.length()) {
                    try {
                        sb.append((char) Integer.parseInt(s.substring(j, j + 4), 16));
                        i = j + 3;
                        continue;
                    } catch (NumberFormatException ignored) {
                        // not an escape: keep the text as written
                    }
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Blanks comments and the contents of string and character literals (keeping line breaks), so
     * a rule title or message may say "Thread" or "Runtime" while code may not.
     */
    static String codeOnly(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/' || c == '#' && (i == 0 || s.charAt(i - 1) == '\n')) {
                while (i < n && s.charAt(i) != '\n') { sb.append(' '); i++; }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) sb.append(s.charAt(i) == '\n' ? '\n' : ' ');
            } else if (c == '"' || c == '\'') {
                sb.append(c);
                i++;
                while (i < n && s.charAt(i) != c && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\' && i + 1 < n) { sb.append("  "); i += 2; continue; }
                    sb.append(' ');
                    i++;
                }
                if (i < n) { sb.append(s.charAt(i)); i++; }
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}
