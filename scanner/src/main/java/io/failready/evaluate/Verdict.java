package io.failready.evaluate;

/** The readiness answer; also the gate's exit status (see ExitCodes). */
public enum Verdict { READY, NOT_READY, UNKNOWN }
