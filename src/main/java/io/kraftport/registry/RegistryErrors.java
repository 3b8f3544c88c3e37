package io.kraftport.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kraftport.KraftportException;
import io.kraftport.UnreachableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;

/**
 * The one place that turns a registry's failed answer or a failed connection into an exception: 401
 * and 403 and I/O failures become {@link UnreachableException}s naming the URL, every other error
 * status a {@link RegistryException} with the registry's {@code error_code} and message. Messages
 * name the registry URL (never with credentials) and the request, never a header. An error answer
 * is reported as what the registry answered (status, {@code error_code}, message), never as the
 * registry being unreachable: it did answer.
 */
final class RegistryErrors {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_MESSAGE = 300;

  private RegistryErrors() {}

  /**
   * The exception for an error answer; {@code registry} names it ({@code source schema registry
   * URL}), {@code request} is the method and path, such as {@code GET /subjects}.
   */
  static KraftportException from(String registry, String request, int status, byte[] body) {
    if (status == 401 || status == 403) {
      return new UnreachableException(
          registry
              + " refused our credentials (HTTP "
              + status
              + (status == 401 ? " Unauthorized" : " Forbidden")
              + ") for "
              + request);
    }
    int code = 0;
    String message = null;
    if (body != null && body.length > 0) {
      try {
        JsonNode tree = MAPPER.readTree(body);
        if (tree != null && tree.isObject()) {
          code = tree.path("error_code").asInt(0);
          message = firstText(tree, "message", "detail", "title");
        }
      } catch (IOException e) {
        message = new String(body, StandardCharsets.UTF_8);
      }
    }
    StringBuilder text =
        new StringBuilder(registry)
            .append(" answered ")
            .append(request)
            .append(" with HTTP ")
            .append(status);
    if (code != 0) {
      text.append(", error ").append(code);
    }
    if (message != null && !message.isBlank()) {
      text.append(": ").append(oneLine(message));
    }
    return new RegistryException(text.toString(), status, code);
  }

  /** The exception for a request that got no answer. */
  static UnreachableException unreachable(String registry, String request, IOException e) {
    String why;
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      why = "timed out";
    } else if (e instanceof UnknownHostException) {
      why = "unknown host";
    } else if (e instanceof ConnectException) {
      why = "connection refused";
    } else if (e instanceof SSLException) {
      why = "TLS handshake failed: " + oneLine(String.valueOf(e.getMessage()));
    } else {
      why =
          e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()));
    }
    return new UnreachableException(registry + " is unreachable (" + why + ") for " + request, e);
  }

  private static String firstText(JsonNode tree, String... fields) {
    for (String f : fields) {
      JsonNode n = tree.get(f);
      if (n != null && n.isTextual() && !n.asText().isBlank()) {
        return n.asText();
      }
    }
    return null;
  }

  private static String oneLine(String s) {
    String line = s.replace('\r', ' ').replace('\n', ' ').strip();
    return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
  }
}
