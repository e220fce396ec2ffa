/**
 * Stage 4, rules: the rule catalog (one folder per rule under rules/) and its loading: sources, DRL
 * metadata, the compiled rule base and its cache. It knows nothing of running rules or of what
 * their results mean.
 */
package io.failready.rules;
