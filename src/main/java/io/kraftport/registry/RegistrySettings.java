package io.kraftport.registry;

import io.kraftport.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * How to reach one schema registry: its base URL (which may carry a path such as {@code
 * /apis/ccompat/v7}), the credentials, the TLS stores, how many requests may be in flight at once,
 * the timeouts and the retry budget. Read from a {@link Properties} of one side with the Confluent
 * client's names ({@link #fromProperties}). {@code side} ({@code source} or {@code target}, or
 * null) says which side of a migration the registry is, for messages. {@link #toString()} never
 * shows a secret, and {@link #url()} never carries credentials.
 */
public record RegistrySettings(
    String url,
    Auth auth,
    Tls tls,
    int concurrency,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    Duration retryBudget,
    String side) {

  public static final String URL = "schema.registry.url";
  public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String BEARER_AUTH_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String SSL_PREFIX = "schema.registry.ssl.";
  public static final int DEFAULT_CONCURRENCY = 8;

  public RegistrySettings {
    Objects.requireNonNull(url, "url");
    auth = auth == null ? Auth.NONE : auth;
    tls = tls == null ? Tls.NONE : tls;
    if (concurrency < 1) {
      throw new InvalidInputException(
          "registry concurrency must be at least 1, was " + concurrency);
    }
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    callTimeout = callTimeout == null ? Duration.ofSeconds(60) : callTimeout;
    retryBudget = retryBudget == null ? Duration.ofSeconds(30) : retryBudget;
  }

  /** Settings for a URL without credentials or TLS stores, with the default limits. */
  public static RegistrySettings of(String url) {
    return new RegistrySettings(
        url, Auth.NONE, Tls.NONE, DEFAULT_CONCURRENCY, null, null, null, null, null);
  }

  /**
   * Reads the settings of one side. {@code schema.registry.url} is required (the first of a
   * comma-separated list is used); {@code basic.auth.credentials.source} is {@code USER_INFO} (with
   * {@code basic.auth.user.info}) or {@code URL} (credentials in the URL's user info); {@code
   * bearer.auth.token} sends a static bearer token; {@code schema.registry.ssl.truststore.*} and
   * {@code schema.registry.ssl.keystore.*} name the TLS stores.
   *
   * @throws InvalidInputException naming the offending property (never its value when it is a
   *     secret)
   */
  public static RegistrySettings fromProperties(Properties props) {
    String raw = props.getProperty(URL);
    if (raw == null || raw.isBlank()) {
      throw new InvalidInputException(URL + " is not set");
    }
    String first = raw.split(",")[0].strip();
    URI uri;
    try {
      uri = new URI(first);
    } catch (URISyntaxException e) {
      throw new InvalidInputException(URL + ": not a URL: " + redact(first));
    }
    if (uri.getScheme() == null
        || uri.getHost() == null
        || !(uri.getScheme().equalsIgnoreCase("http")
            || uri.getScheme().equalsIgnoreCase("https"))) {
      throw new InvalidInputException(URL + ": not an http(s) URL: " + redact(first));
    }
    String url = redact(first);
    Auth auth = readAuth(props, uri);
    Tls tls =
        new Tls(
            store(props, "truststore"),
            store(props, "keystore"),
            secret(props.getProperty(SSL_PREFIX + "key.password")));
    return new RegistrySettings(url, auth, tls, DEFAULT_CONCURRENCY, null, null, null, null, null);
  }

  public RegistrySettings withConcurrency(int newConcurrency) {
    return new RegistrySettings(
        url,
        auth,
        tls,
        newConcurrency,
        connectTimeout,
        readTimeout,
        callTimeout,
        retryBudget,
        side);
  }

  public RegistrySettings withTimeouts(Duration connect, Duration read, Duration call) {
    return new RegistrySettings(
        url, auth, tls, concurrency, connect, read, call, retryBudget, side);
  }

  public RegistrySettings withRetryBudget(Duration budget) {
    return new RegistrySettings(
        url, auth, tls, concurrency, connectTimeout, readTimeout, callTimeout, budget, side);
  }

  public RegistrySettings withAuth(Auth newAuth) {
    return new RegistrySettings(
        url,
        newAuth,
        tls,
        concurrency,
        connectTimeout,
        readTimeout,
        callTimeout,
        retryBudget,
        side);
  }

  /**
   * The same settings for the registry of one side of a migration ({@code source} or {@code
   * target}).
   */
  public RegistrySettings withSide(String newSide) {
    return new RegistrySettings(
        url,
        auth,
        tls,
        concurrency,
        connectTimeout,
        readTimeout,
        callTimeout,
        retryBudget,
        newSide);
  }

  /**
   * How messages name this registry: {@code source schema registry URL}, or {@code schema registry
   * URL}.
   */
  public String describe() {
    return (side == null ? "" : side + " ") + "schema registry " + url;
  }

  @Override
  public String toString() {
    return "RegistrySettings[url="
        + url
        + (side == null ? "" : ", side=" + side)
        + ", auth="
        + auth
        + ", tls="
        + tls
        + ", concurrency="
        + concurrency
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", callTimeout="
        + callTimeout
        + ", retryBudget="
        + retryBudget
        + "]";
  }

  private static Auth readAuth(Properties props, URI uri) {
    String token = props.getProperty(BEARER_AUTH_TOKEN);
    String bearerSource =
        props.getProperty(BEARER_AUTH_SOURCE, "STATIC_TOKEN").strip().toUpperCase(Locale.ROOT);
    String basicSource = props.getProperty(BASIC_AUTH_SOURCE);
    if (token != null && !token.isBlank()) {
      if (!bearerSource.equals("STATIC_TOKEN")) {
        throw new InvalidInputException(
            BEARER_AUTH_SOURCE + ": only STATIC_TOKEN is supported, was " + bearerSource);
      }
      if (basicSource != null && !basicSource.isBlank()) {
        throw new InvalidInputException(
            "set either " + BASIC_AUTH_SOURCE + " or " + BEARER_AUTH_TOKEN + ", not both");
      }
      return new Auth.Bearer(new Secret(token.strip()));
    }
    if (basicSource == null || basicSource.isBlank()) {
      return uri.getRawUserInfo() == null
          ? Auth.NONE
          : userInfo(uri.getRawUserInfo(), "the user info of " + URL, true);
    }
    switch (basicSource.strip().toUpperCase(Locale.ROOT)) {
      case "USER_INFO" -> {
        String info = props.getProperty(BASIC_AUTH_USER_INFO);
        if (info == null || info.isBlank()) {
          throw new InvalidInputException(
              BASIC_AUTH_SOURCE + " is USER_INFO but " + BASIC_AUTH_USER_INFO + " is not set");
        }
        return userInfo(info, BASIC_AUTH_USER_INFO, false);
      }
      case "URL" -> {
        if (uri.getRawUserInfo() == null) {
          throw new InvalidInputException(
              BASIC_AUTH_SOURCE + " is URL but " + URL + " has no user info");
        }
        return userInfo(uri.getRawUserInfo(), "the user info of " + URL, true);
      }
      default ->
          throw new InvalidInputException(
              BASIC_AUTH_SOURCE
                  + ": only USER_INFO and URL are supported, was "
                  + basicSource.strip());
    }
  }

  /**
   * Splits {@code user:password} at the first colon; user info taken from a URL is percent-decoded.
   */
  private static Auth userInfo(String info, String where, boolean fromUrl) {
    int colon = info.indexOf(':');
    if (colon < 0) {
      throw new InvalidInputException(where + ": expected user:password");
    }
    String user = info.substring(0, colon);
    String password = info.substring(colon + 1);
    if (fromUrl) {
      user = URLDecoder.decode(user, StandardCharsets.UTF_8);
      password = URLDecoder.decode(password, StandardCharsets.UTF_8);
    }
    return new Auth.Basic(user, new Secret(password));
  }

  private static Store store(Properties props, String kind) {
    String location = props.getProperty(SSL_PREFIX + kind + ".location");
    if (location == null || location.isBlank()) {
      return null;
    }
    String type = props.getProperty(SSL_PREFIX + kind + ".type", "JKS").strip();
    return new Store(
        location.strip(), secret(props.getProperty(SSL_PREFIX + kind + ".password")), type);
  }

  private static Secret secret(String value) {
    return value == null ? null : new Secret(value);
  }

  /** A URL without its user info, so it can be shown. */
  static String redact(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int hostStart = scheme + 3;
    int pathStart = url.indexOf('/', hostStart);
    String authority =
        pathStart < 0 ? url.substring(hostStart) : url.substring(hostStart, pathStart);
    int at = authority.lastIndexOf('@');
    if (at < 0) {
      return url;
    }
    return url.substring(0, hostStart)
        + authority.substring(at + 1)
        + (pathStart < 0 ? "" : url.substring(pathStart));
  }

  /**
   * A value that must never be shown: {@link #toString()} hides it; {@link #reveal()} is for the
   * wire only.
   */
  public static final class Secret {
    private final String value;

    public Secret(String value) {
      this.value = Objects.requireNonNull(value, "value");
    }

    public String reveal() {
      return value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
      return value.hashCode();
    }

    @Override
    public String toString() {
      return "[hidden]";
    }
  }

  /**
   * How requests authenticate: not at all, with HTTP basic credentials, or with a static bearer
   * token.
   */
  public sealed interface Auth permits Auth.None, Auth.Basic, Auth.Bearer {
    Auth NONE = new None();

    /** No credentials. */
    record None() implements Auth {
      @Override
      public String toString() {
        return "none";
      }
    }

    /** HTTP basic credentials; the password is a {@link Secret}. */
    record Basic(String user, Secret password) implements Auth {
      public Basic {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
      }

      @Override
      public String toString() {
        return "basic(user=" + user + ")";
      }
    }

    /** A static bearer token. */
    record Bearer(Secret token) implements Auth {
      public Bearer {
        Objects.requireNonNull(token, "token");
      }

      @Override
      public String toString() {
        return "bearer";
      }
    }
  }

  /**
   * A key or trust store: its file, its password and its type ({@code JKS}, {@code PKCS12}, or
   * {@code PEM}).
   */
  public record Store(String location, Secret password, String type) {
    @Override
    public String toString() {
      return type + ":" + location;
    }
  }

  /** The TLS stores; either may be null (then the JVM's defaults apply). */
  public record Tls(Store truststore, Store keystore, Secret keyPassword) {
    public static final Tls NONE = new Tls(null, null, null);

    public boolean isDefault() {
      return truststore == null && keystore == null;
    }

    @Override
    public String toString() {
      return isDefault() ? "default" : "truststore=" + truststore + ", keystore=" + keystore;
    }
  }
}
