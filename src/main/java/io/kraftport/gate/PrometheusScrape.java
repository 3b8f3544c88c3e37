package io.kraftport.gate;

import io.kraftport.InvalidInputException;
import io.kraftport.UnreachableException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads one broker's metrics page over HTTP ({@code http://b-1.<cluster>:11001/metrics} on MSK's
 * open monitoring, a Prometheus JMX exporter) and parses it with {@link PrometheusText}.
 */
final class PrometheusScrape {
  /**
   * A metrics page of a broker with many partitions is a few MB; more than this is not a metrics
   * page.
   */
  private static final long MAX_BYTES = 64L << 20;

  private final OkHttpClient client;

  PrometheusScrape(Duration timeout) {
    this.client =
        new OkHttpClient.Builder()
            .callTimeout(timeout)
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .followRedirects(false)
            .build();
  }

  /**
   * The samples of {@code url}; {@link UnreachableException} when it does not answer 200 with a
   * metrics page.
   */
  List<PrometheusText.Sample> read(String url) {
    String shown = redact(url);
    Request request;
    try {
      request =
          new Request.Builder().url(url).header("Accept", "text/plain;version=0.0.4").get().build();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not an http(s) URL: " + shown);
    }
    try (Response response = client.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new UnreachableException(
            shown + ": HTTP " + response.code() + " instead of a metrics page");
      }
      ResponseBody body = response.body();
      if (body == null || body.contentLength() > MAX_BYTES) {
        throw new UnreachableException(
            shown + ": no metrics page (empty or larger than " + (MAX_BYTES >> 20) + " MB)");
      }
      return PrometheusText.parse(body.string(), shown);
    } catch (IOException e) {
      throw new UnreachableException(
          shown
              + ": cannot read the metrics: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          e);
    }
  }

  /** {@code url} without its user-info part, so a password in the URL never reaches output. */
  static String redact(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getRawUserInfo() == null) {
        return url;
      }
      return new URI(
              uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getRawPath(), null, null)
          .toString();
    } catch (URISyntaxException e) {
      int at = url.lastIndexOf('@');
      return at < 0 ? url : "***" + url.substring(at);
    }
  }
}
