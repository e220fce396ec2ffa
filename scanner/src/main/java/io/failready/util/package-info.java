/**
 * Small helpers below every stage (files written atomically, JSON with locations, globs, hashing,
 * durations, input errors, terminal-safe text, threads); nothing here depends on any other
 * failready package.
 */
package io.failready.util;
