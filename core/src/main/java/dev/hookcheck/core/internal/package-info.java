/**
 * Implementation details of Hookcheck. Not a published API: anything here may change in any
 * release. Other Hookcheck modules may use it; consumers should not.
 */
package dev.hookcheck.core.internal;
