package io.kraftport.it;

import io.kraftport.local.ApicurioNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The few registry writes the drift matrix needs that kraftport's client has no call for: deleting
 * a subject (soft, then permanently) through the Confluent API, and removing a subject's
 * compatibility rule through Apicurio's own API (its Confluent API cannot remove an explicit NONE).
 */
final class Apicurio {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Apicurio() {}

  /** {@code DELETE /subjects/{subject}}, with {@code permanent=true} for the hard delete. */
  static void deleteSubject(ApicurioNode registry, String subject, boolean permanent)
      throws Exception {
    delete(
        registry.ccompatUrl()
            + "/subjects/"
            + encode(subject)
            + (permanent ? "?permanent=true" : ""));
  }

  /** {@code DELETE /apis/registry/v3/groups/default/artifacts/{subject}/rules/COMPATIBILITY}. */
  static void deleteCompatibilityRule(ApicurioNode registry, String subject) throws Exception {
    delete(
        registry.baseUrl()
            + "/apis/registry/v3/groups/default/artifacts/"
            + encode(subject)
            + "/rules/COMPATIBILITY");
  }

  private static void delete(String url) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .DELETE()
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError("DELETE " + url + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
