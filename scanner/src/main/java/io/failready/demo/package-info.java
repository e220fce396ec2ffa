/**
 * A built-in demo estate (a snapshot with healthy and broken resources) so a first-time user can
 * run the whole pipeline without AWS.
 */
package io.failready.demo;
