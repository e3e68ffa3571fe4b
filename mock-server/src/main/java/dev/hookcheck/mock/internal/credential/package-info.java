/**
 * Key credentials: the public keys that sign user actions (Dfns's user-action signing), read from
 * PEM and checked with real signature verification, and the key pairs the sandbox makes itself.
 * Not a published API.
 */
package dev.hookcheck.mock.internal.credential;
