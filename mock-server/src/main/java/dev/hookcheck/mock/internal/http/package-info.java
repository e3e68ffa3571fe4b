/** HTTP plumbing shared by the API dialects: errors, JSON, parameters, auth. Not a published API. */
package dev.hookcheck.mock.internal.http;
