/**
 * The admin API under {@code /__admin}: the sandbox operator's view of the mock server (health,
 * reset, organizations, API keys, events, endpoints of every profile, the clock, deliveries and
 * their attempts, failure-injection rules, lifecycle generation, and the OpenAPI document of the
 * whole server). No auth; secrets are shown. One error shape, modelled on WireMock's:
 * {@code {"errors":[{"code","title","source":{"pointer"}}]}}. The HTTP surface is described by
 * {@code hookcheck/openapi.json} and {@code schemas/json/admin/}; the classes are not a published API.
 */
package dev.hookcheck.mock.internal.admin;
