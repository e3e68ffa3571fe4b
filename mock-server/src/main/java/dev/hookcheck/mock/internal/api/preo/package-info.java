/**
 * The Preo management API dialect (Django REST Framework conventions under {@code /api/management/}).
 * Only {@link dev.hookcheck.mock.internal.api.preo.PreoApi} is used from outside. Not a published API.
 */
package dev.hookcheck.mock.internal.api.preo;
