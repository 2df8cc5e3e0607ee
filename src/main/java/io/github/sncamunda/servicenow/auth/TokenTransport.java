package io.github.sncamunda.servicenow.auth;

import java.net.URI;
import java.time.Duration;

/**
 * Sends one form POST to a token endpoint, given to the {@link Authenticator} once at construction
 * by the client that owns both (so the token machinery never calls back into a request in flight).
 * Transport failures arrive as {@code ConnectorException}s with the client's error codes.
 */
@FunctionalInterface
public interface TokenTransport {

  TokenReply post(URI tokenUrl, byte[] form, Duration timeout, String description);
}
