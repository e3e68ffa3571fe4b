/**
 * Implementation details of the conformance kit: HTTP plumbing, signature header surgery, the
 * session a check runs in. Not a published API: anything here may change in any release.
 */
package dev.hookcheck.conformance.internal;
