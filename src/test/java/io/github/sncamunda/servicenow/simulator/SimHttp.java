package io.github.sncamunda.servicenow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Plain HTTP to the simulator for its own tests (not through our ServiceNowClient, whose API
 * changes): Basic admin/pw unless told otherwise, JSON bodies.
 */
final class SimHttp {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final ServiceNowSimulator sim;
  private String authorization = basic("admin", "pw");

  SimHttp(ServiceNowSimulator sim) {
    this.sim = sim;
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Authorization header for the following calls (null: none). */
  SimHttp as(String authorizationHeader) {
    this.authorization = authorizationHeader;
    return this;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** One answer, read whole. */
  record Answer(int status, HttpHeaders headers, byte[] body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(new String(body, StandardCharsets.UTF_8), e);
      }
    }

    JsonNode result() {
      return json().get("result");
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  Answer get(String pathAndQuery) {
    return send("GET", pathAndQuery, null);
  }

  Answer post(String pathAndQuery, Object json) {
    return send("POST", pathAndQuery, json);
  }

  Answer patch(String pathAndQuery, Object json) {
    return send("PATCH", pathAndQuery, json);
  }

  Answer delete(String pathAndQuery) {
    return send("DELETE", pathAndQuery, null);
  }

  Answer send(String method, String pathAndQuery, Object json, String... headers) {
    byte[] body = null;
    List<String> all = new ArrayList<>(List.of(headers));
    if (json != null) {
      try {
        body =
            json instanceof String s
                ? s.getBytes(StandardCharsets.UTF_8)
                : MAPPER.writeValueAsBytes(json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      all.add("Content-Type");
      all.add("application/json");
    }
    return sendBytes(method, pathAndQuery, body, all.toArray(String[]::new));
  }

  Answer sendBytes(String method, String pathAndQuery, byte[] body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  /** GET of an absolute URL, e.g. from a {@code Link} header. */
  Answer getUrl(String url) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return send(b.build());
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET whose body the caller reads as a stream. */
  HttpResponse<InputStream> open(String pathAndQuery) throws IOException, InterruptedException {
    return http.send(request(pathAndQuery).build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }
}
