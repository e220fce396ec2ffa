package io.failready.model;

import java.util.List;

/** The checklist's sections in report order: a contract, like the rule ids and severities. */
public final class Sections {
    private Sections() {}

    public static final List<String> ALL =
            List.of("requirements", "data", "security", "compliance", "traffic", "capacity", "operations");
}
