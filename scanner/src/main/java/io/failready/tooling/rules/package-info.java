/** Build-time precompilation of the bundled rule catalog to a Drools executable model. */
package io.failready.tooling.rules;
