package io.github.sncamunda.servicenow.simulator;

import static io.github.sncamunda.servicenow.simulator.ServiceNowSimulator.DEFAULT_API_KEY;
import static io.github.sncamunda.servicenow.simulator.ServiceNowSimulator.DEFAULT_CLIENT_ID;
import static io.github.sncamunda.servicenow.simulator.ServiceNowSimulator.DEFAULT_CLIENT_SECRET;
import static io.github.sncamunda.servicenow.simulator.ServiceNowSimulator.DEFAULT_PASSWORD;
import static io.github.sncamunda.servicenow.simulator.ServiceNowSimulator.DEFAULT_USER;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Users and their passwords, OAuth application registry entries and API keys. */
final class Accounts {

  private final Map<String, String> users =
      new ConcurrentHashMap<>(Map.of(DEFAULT_USER, DEFAULT_PASSWORD));
  private final Map<String, String> clients =
      new ConcurrentHashMap<>(Map.of(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET));
  private final Map<String, String> apiKeys =
      new ConcurrentHashMap<>(Map.of(DEFAULT_API_KEY, DEFAULT_USER));

  void user(String name, String password) {
    users.put(name, password);
  }

  void oauthClient(String clientId, String secret) {
    clients.put(clientId, secret);
  }

  void apiKey(String key, String user) {
    apiKeys.put(key, user);
  }

  void removeDefaults() {
    users.remove(DEFAULT_USER, DEFAULT_PASSWORD);
    clients.remove(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
    apiKeys.remove(DEFAULT_API_KEY);
  }

  boolean userExists(String name) {
    return name != null && users.containsKey(name);
  }

  boolean passwordMatches(String user, String password) {
    return user != null && password != null && password.equals(users.get(user));
  }

  boolean clientSecretMatches(String clientId, String secret) {
    return clientId != null && secret != null && secret.equals(clients.get(clientId));
  }

  /** The user an API key acts as, or null. */
  String apiKeyUser(String key) {
    return key == null ? null : apiKeys.get(key);
  }
}
