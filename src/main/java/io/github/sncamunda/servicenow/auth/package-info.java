/**
 * Authentication: the template-annotated records users fill in (one per type, each redacting its
 * secrets in {@code toString()}), and the {@link io.github.sncamunda.servicenow.auth.Authenticator}
 * that turns them into request headers. The token machinery (cache, keys, forms, grants) is
 * package-private; the client gives the authenticator a {@link
 * io.github.sncamunda.servicenow.auth.TokenTransport} once, so tokens never call back into a
 * request in flight. Depends only on {@code common} and the connector SDK.
 */
package io.github.sncamunda.servicenow.auth;
