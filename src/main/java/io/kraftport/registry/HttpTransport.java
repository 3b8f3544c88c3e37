package io.kraftport.registry;

import io.kraftport.InvalidInputException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to one registry over OkHttp: adds the credentials, bounds the requests in flight
 * through the dispatcher (every call is enqueued, so the dispatcher's limits hold for all callers),
 * keeps connections alive, retries 5xx, 429 (honouring {@code Retry-After}) and I/O failures with
 * backoff within a time budget, and hands every failure to {@link RegistryErrors}. Logs the method,
 * path and status only, never a header or a body.
 */
final class HttpTransport implements AutoCloseable {
  static final MediaType JSON = MediaType.get("application/vnd.schemaregistry.v1+json");
  static final MediaType ZIP = MediaType.get("application/zip");
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
  private static final long FIRST_BACKOFF_MS = 200;
  private static final long MAX_BACKOFF_MS = 5_000;

  private final RegistrySettings settings;
  private final HttpUrl base;
  private final OkHttpClient client;
  private final String authorization;

  /** A registry's answer, read in full. */
  record Reply(int status, byte[] body, String retryAfter) {}

  HttpTransport(RegistrySettings settings) {
    this.settings = settings;
    HttpUrl parsed = HttpUrl.parse(settings.url());
    if (parsed == null) {
      throw new InvalidInputException(
          RegistrySettings.URL + ": not an http(s) URL: " + settings.url());
    }
    this.base = parsed;
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(settings.concurrency());
    dispatcher.setMaxRequestsPerHost(settings.concurrency());
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(settings.concurrency(), 5, TimeUnit.MINUTES))
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.readTimeout())
            .callTimeout(settings.callTimeout())
            .retryOnConnectionFailure(false);
    if (!settings.tls().isDefault()) {
      TlsContexts.Built tls = TlsContexts.build(settings.tls());
      builder.sslSocketFactory(tls.context().getSocketFactory(), tls.trustManager());
    }
    this.client = builder.build();
    if (settings.auth() instanceof RegistrySettings.Auth.Basic b) {
      this.authorization = Credentials.basic(b.user(), b.password().reveal());
    } else if (settings.auth() instanceof RegistrySettings.Auth.Bearer t) {
      this.authorization = "Bearer " + t.token().reveal();
    } else {
      this.authorization = null;
    }
  }

  /** The registry URL as shown to users: never with credentials. */
  String url() {
    return settings.url();
  }

  /** The registry as messages name it: its side, if known, and its URL. */
  String describe() {
    return settings.describe();
  }

  /** The URL of a path below the base URL; segments are encoded, the query is kept in order. */
  HttpUrl urlOf(List<String> segments, Map<String, String> query) {
    HttpUrl.Builder b = base.newBuilder();
    // A base with a trailing slash has an empty last segment that addPathSegment would keep.
    List<String> existing = base.pathSegments();
    if (!existing.isEmpty() && existing.get(existing.size() - 1).isEmpty()) {
      b.removePathSegment(existing.size() - 1);
    }
    segments.forEach(b::addPathSegment);
    query.forEach(b::addQueryParameter);
    return b.build();
  }

  /**
   * The URL of an absolute path on the registry's host, below the given prefix (used for Apicurio's
   * own API).
   */
  HttpUrl urlOnHost(String pathPrefix, String path) {
    return base.newBuilder().encodedPath(pathPrefix + path).query(null).build();
  }

  /**
   * The URL of path segments (each percent-encoded) below the given prefix on the registry's host.
   */
  HttpUrl urlOnHost(String pathPrefix, List<String> segments) {
    // A path ending in '/' has an empty last segment, which the first added segment replaces.
    HttpUrl.Builder b = base.newBuilder().encodedPath(pathPrefix + "/").query(null);
    segments.forEach(b::addPathSegment);
    return b.build();
  }

  HttpUrl base() {
    return base;
  }

  /**
   * Sends a request and returns the successful reply.
   *
   * @param retryable whether the request may be sent again after a 5xx, a 429 or an I/O failure
   * @throws RegistryException for an error answer
   * @throws io.kraftport.UnreachableException for 401, 403, or no answer within the retry budget
   */
  Reply send(String method, HttpUrl url, byte[] body, MediaType type, boolean retryable) {
    String request = method + " " + describe(url);
    long deadline = System.nanoTime() + settings.retryBudget().toNanos();
    int attempt = 0;
    while (true) {
      attempt++;
      long started = System.nanoTime();
      Reply reply;
      try {
        reply = once(build(method, url, body, type));
      } catch (IOException e) {
        LOG.debug(
            "{} {}: attempt {} failed: {}", url(), request, attempt, e.getClass().getSimpleName());
        long wait = backoff(attempt);
        if (!retryable || !sleepWithin(deadline, wait)) {
          throw RegistryErrors.unreachable(settings.describe(), request, e);
        }
        continue;
      }
      LOG.debug(
          "{} {} -> {} ({} ms)",
          url(),
          request,
          reply.status(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      if (reply.status() >= 200 && reply.status() < 300) {
        return reply;
      }
      boolean transientStatus = reply.status() == 429 || reply.status() >= 500;
      if (retryable && transientStatus) {
        Long retryAfter = retryAfterMillis(reply);
        long wait = retryAfter != null ? retryAfter : backoff(attempt);
        if (sleepWithin(deadline, wait)) {
          continue;
        }
      }
      throw RegistryErrors.from(settings.describe(), request, reply.status(), reply.body());
    }
  }

  private Request build(String method, HttpUrl url, byte[] body, MediaType type) {
    Request.Builder b = new Request.Builder().url(url).header("Accept", ACCEPT);
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    RequestBody requestBody =
        body == null ? null : RequestBody.create(body, type == null ? JSON : type);
    if (requestBody == null && (method.equals("POST") || method.equals("PUT"))) {
      requestBody = RequestBody.create(new byte[0], JSON);
    }
    return b.method(method, requestBody).build();
  }

  /**
   * Enqueues the call, so the dispatcher bounds the requests in flight, and waits for its answer.
   */
  private Reply once(Request request) throws IOException {
    CompletableFuture<Reply> result = new CompletableFuture<>();
    client
        .newCall(request)
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                result.completeExceptionally(e);
              }

              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  String retryAfter = response.header("Retry-After");
                  result.complete(
                      new Reply(
                          response.code(),
                          response.body() == null ? new byte[0] : response.body().bytes(),
                          retryAfter));
                } catch (IOException e) {
                  result.completeExceptionally(e);
                }
              }
            });
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static long backoff(int attempt) {
    long exp = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(attempt - 1, 10));
    return exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
  }

  /** Sleeps if the wait ends before the deadline; false (without sleeping) if it would not. */
  private static boolean sleepWithin(long deadline, long waitMillis) {
    if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis) > deadline) {
      return false;
    }
    try {
      Thread.sleep(waitMillis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The wait a 429 or 503 asks for, or null when it asks for none we can read. */
  static Long retryAfterMillis(Reply reply) {
    if (reply.retryAfter() == null || reply.retryAfter().isBlank()) {
      return null;
    }
    long millis = parseRetryAfter(reply.retryAfter(), System.currentTimeMillis());
    return millis < 0 ? null : millis;
  }

  private String describe(HttpUrl url) {
    String path = url.encodedPath();
    String basePath = base.encodedPath();
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    if (!basePath.isEmpty() && path.startsWith(basePath)) {
      path = path.substring(basePath.length());
    }
    return url.encodedQuery() == null ? path : path + "?" + url.encodedQuery();
  }

  static long parseRetryAfter(String value, long nowMillis) {
    String v = value.strip();
    try {
      return Math.max(0, Long.parseLong(v) * 1000);
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, at.toInstant().toEpochMilli() - nowMillis);
      } catch (RuntimeException ignored) {
        return -1;
      }
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
