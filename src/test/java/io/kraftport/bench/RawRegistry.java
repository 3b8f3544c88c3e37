package io.kraftport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The baselines of the registry benchmark: what a person without kraftport would do against an
 * Apicurio registry, with a plain OkHttp client (blocking calls, keep-alive, the library's defaults
 * otherwise) on a fixed number of threads, and Jackson to read the answers. Every answer must be
 * 2xx; anything else fails the benchmark. (The JDK's {@code java.net.http.HttpClient} was tried
 * first: on JDK 17 one of 600 parallel POSTs never completed, with the registry idle and without
 * having logged it (cause not found), and a call without a timeout waits forever.)
 */
final class RawRegistry implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final MediaType JSON = MediaType.get("application/vnd.schemaregistry.v1+json");
  private static final MediaType ZIP = MediaType.get("application/zip");

  private final OkHttpClient http;
  private final OkHttpClient slow;
  private final ExecutorService pool;
  private final int concurrency;

  /** A subject and its schema texts, version 1 first. */
  record Subject(String name, List<String> schemas) {}

  RawRegistry(int concurrency) {
    this.concurrency = concurrency;
    this.pool =
        Executors.newFixedThreadPool(
            concurrency,
            r -> {
              Thread t = new Thread(r, "bench-raw");
              t.setDaemon(true);
              return t;
            });
    this.http =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES))
            .readTimeout(Duration.ofMinutes(2))
            .callTimeout(Duration.ofMinutes(2))
            .build();
    this.slow =
        http.newBuilder()
            .readTimeout(Duration.ofMinutes(15))
            .writeTimeout(Duration.ofMinutes(15))
            .callTimeout(Duration.ofMinutes(15))
            .build();
  }

  /**
   * Reads every schema the plain way: the subject list, then per subject (that many subjects at
   * once) its version list and each version: one request, then 4 per subject of 3 versions. Returns
   * the number of versions read.
   */
  int readEveryVersion(String ccompat) throws Exception {
    List<String> subjects = strings(getJson(ccompat + "/subjects?deleted=true"));
    AtomicInteger read = new AtomicInteger();
    forEach(
        subjects,
        s -> {
          for (JsonNode v : getJson(ccompat + "/subjects/" + s + "/versions?deleted=true")) {
            JsonNode schema =
                getJson(ccompat + "/subjects/" + s + "/versions/" + v.asInt() + "?deleted=true");
            if (schema.hasNonNull("schema")) {
              read.incrementAndGet();
            }
          }
        });
    return read.get();
  }

  /**
   * Sends, per subject, the requests kraftport's exporter sends against Apicurio (both version
   * lists, each version, the subject's compatibility and mode: 7 for 3 versions), so a comparison
   * shows what kraftport's own code costs apart from the number of requests. Returns the number of
   * versions read.
   */
  int readLikeKraftport(String ccompat) throws Exception {
    List<String> subjects = strings(getJson(ccompat + "/subjects?deleted=true"));
    getJson(ccompat + "/subjects");
    AtomicInteger read = new AtomicInteger();
    forEach(
        subjects,
        s -> {
          JsonNode all = getJson(ccompat + "/subjects/" + s + "/versions?deleted=true");
          getJson(ccompat + "/subjects/" + s + "/versions");
          for (JsonNode v : all) {
            if (getJson(ccompat + "/subjects/" + s + "/versions/" + v.asInt() + "?deleted=true")
                .hasNonNull("schema")) {
              read.incrementAndGet();
            }
          }
          getJson(ccompat + "/config/" + s);
          getJson(ccompat + "/mode/" + s);
        });
    return read.get();
  }

  /** Apicurio's {@code GET /apis/registry/v3/admin/export}: the whole registry as one ZIP. */
  byte[] adminExport(String base) throws Exception {
    return send(slow, new Request.Builder().url(base + "/apis/registry/v3/admin/export").build());
  }

  /** Apicurio's {@code POST /apis/registry/v3/admin/import} of a ZIP into an empty registry. */
  void adminImport(String base, byte[] zip) throws Exception {
    send(
        slow,
        new Request.Builder()
            .url(base + "/apis/registry/v3/admin/import?requireEmptyRegistry=true")
            .post(RequestBody.create(zip, ZIP))
            .build());
  }

  /**
   * Registers every subject's versions in order, that many subjects at once; the number of
   * registrations.
   */
  int registerInParallel(String ccompat, List<Subject> subjects) throws Exception {
    AtomicInteger done = new AtomicInteger();
    forEach(
        subjects,
        s -> {
          for (String schema : s.schemas()) {
            register(ccompat, s.name(), schema);
            done.incrementAndGet();
          }
        });
    return done.get();
  }

  /**
   * Registers every version one request at a time, as the peer scripts do (but over one kept-alive
   * connection).
   */
  int registerSequentially(String ccompat, List<Subject> subjects) throws Exception {
    int done = 0;
    for (Subject s : subjects) {
      for (String schema : s.schemas()) {
        register(ccompat, s.name(), schema);
        done++;
      }
    }
    return done;
  }

  /**
   * Raises Apicurio's {@code apicurio.ccompat.max-subjects} (default 1000: {@code GET /subjects}
   * without a limit lists at most that many) through its dynamic configuration, {@code PUT
   * /apis/registry/v3/admin/config/properties}.
   */
  void raiseSubjectLimit(String base, int max) throws Exception {
    byte[] body =
        MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("value", Integer.toString(max)));
    send(
        http,
        new Request.Builder()
            .url(
                base
                    + "/apis/registry/v3/admin/config/properties/"
                    + "apicurio.ccompat.max-subjects")
            .put(RequestBody.create(body, MediaType.get("application/json")))
            .build());
  }

  /**
   * One page of {@code GET /schemas?deleted=true}, as kraftport's exporter asks for it; the entries
   * it holds.
   */
  int schemasPage(String ccompat, int limit) throws Exception {
    return getJson(ccompat + "/schemas?deleted=true&offset=0&limit=" + limit).size();
  }

  /** {@code GET /subjects}: how many live subjects the registry lists. */
  int subjectCount(String ccompat) throws Exception {
    return getJson(ccompat + "/subjects").size();
  }

  /**
   * {@code GET /subjects?deleted=true}, the listing kraftport's exporter starts from: how many
   * subjects it names.
   */
  int subjectCountWithDeleted(String ccompat) throws Exception {
    return getJson(ccompat + "/subjects?deleted=true").size();
  }

  private int register(String ccompat, String subject, String schema) throws Exception {
    byte[] body = MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("schema", schema));
    byte[] reply =
        send(
            http,
            new Request.Builder()
                .url(ccompat + "/subjects/" + subject + "/versions")
                .post(RequestBody.create(body, JSON))
                .build());
    return MAPPER.readTree(reply).path("id").asInt();
  }

  private JsonNode getJson(String url) throws Exception {
    return MAPPER.readTree(
        send(http, new Request.Builder().url(url).header("Accept", JSON.toString()).build()));
  }

  private static byte[] send(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
      if (!response.isSuccessful()) {
        throw new IOException(
            request.method()
                + " "
                + request.url()
                + " -> "
                + response.code()
                + " "
                + new String(body, java.nio.charset.StandardCharsets.UTF_8));
      }
      return body;
    }
  }

  interface Task<T> {
    void run(T item) throws Exception;
  }

  /** Runs the task over the items with {@link #concurrency} threads; rethrows the first failure. */
  private <T> void forEach(List<T> items, Task<T> task) throws Exception {
    List<Future<Void>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      Callable<Void> c =
          () -> {
            task.run(item);
            return null;
          };
      futures.add(pool.submit(c));
    }
    for (Future<Void> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        futures.forEach(other -> other.cancel(true));
        throw e.getCause() instanceof Exception ex ? ex : e;
      }
    }
  }

  private static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
