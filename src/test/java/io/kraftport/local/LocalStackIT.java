package io.kraftport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kraftport.UnreachableException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class LocalStackIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void sourceIsOneZooKeeperModeBroker() throws Exception {
    LocalStack stack = SharedStack.get();
    try (Admin admin = admin(stack.sourceBootstrap(), Map.of())) {
      DescribeClusterResult cluster = admin.describeCluster();
      assertThat(cluster.nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
      // Only KRaft answers the metadata-quorum API: this is how a client tells the modes apart.
      assertThatThrownBy(
              () -> admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(UnsupportedVersionException.class);
    }
  }

  @Test
  void targetIsOneKraftNode() throws Exception {
    LocalStack stack = SharedStack.get();
    try (Admin admin = admin(stack.targetBootstrap(), Map.of())) {
      assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
      assertThat(admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId())
          .isEqualTo(1);
    }
  }

  @Test
  void targetSaslListenerAcceptsTheAdminPassword() throws Exception {
    LocalStack stack = SharedStack.get();
    try (Admin admin = admin(stack.targetSaslBootstrap(), stack.target().saslClientConfig())) {
      assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
    }
  }

  @Test
  void targetSaslListenerRejectsAWrongPassword() {
    LocalStack stack = SharedStack.get();
    Map<String, Object> config = new HashMap<>(stack.target().saslClientConfig());
    config.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"admin\" password=\"not-"
            + stack.targetAdminPassword()
            + "\";");
    try (Admin admin = admin(stack.targetSaslBootstrap(), config)) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void bothRegistriesAnswerTheConfluentApi() throws Exception {
    LocalStack stack = SharedStack.get();
    assertThat(stack.sourceRegistryUrl()).isNotEqualTo(stack.targetRegistryUrl());
    // Other integration tests seed the shared registries under their own prefixes, so only the
    // shape is checked
    // here; an extra registry (below) must be empty.
    for (String url : List.of(stack.sourceRegistryUrl(), stack.targetRegistryUrl())) {
      assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");
      HttpResponse<String> response = get(url + "/subjects");
      assertThat(response.statusCode()).as(url).isEqualTo(200);
      assertThat(response.body().strip()).as(url).startsWith("[").endsWith("]");
    }
  }

  @Test
  void anExtraRegistryIsEmptyAndItsCloseFreesPortsAndData() throws Exception {
    LocalStack stack = SharedStack.get();
    ApicurioNode registry = stack.startRegistry();
    try {
      assertThat(registry.ccompatUrl())
          .isNotIn(stack.sourceRegistryUrl(), stack.targetRegistryUrl());
      assertThat(get(registry.ccompatUrl() + "/subjects").body().strip()).isEqualTo("[]");
      assertThat(registry.dataDir()).isDirectory();
    } finally {
      registry.close();
    }
    assertStopped(List.of(registry));
  }

  @Test
  void closeStopsEveryServerFreesItsPortsAndDeletesItsData() throws Exception {
    List<LocalServer> servers;
    try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().withRegistries(false))) {
      KraftNode extra = stack.startKraftNode();
      try (Admin admin = admin(extra.saslBootstrapServers(), extra.saslClientConfig())) {
        assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
      }
      servers = stack.servers();
      assertThat(servers).hasSize(4).contains(extra);
      for (LocalServer server : servers) {
        assertThat(server.dataDir()).as(server.name()).isDirectory();
        for (int port : server.ports()) {
          assertThat(FreePorts.isOpen(port)).as(server.name() + " port " + port).isTrue();
        }
      }
      assertThatThrownBy(stack::sourceRegistryUrl).isInstanceOf(IllegalStateException.class);
    }
    assertStopped(servers);
  }

  @Test
  void aStartThatFailsHalfWayStopsWhatDidStart(@TempDir Path tmp) throws Exception {
    assumeTrue(
        System.getenv(JavaRuntimes.REGISTRY_JAVA_HOME_ENV) == null,
        "the environment names the registry Java");
    SharedStack.get(); // so its servers are in "before" whichever test runs first
    // A "Java 21" whose java exits at once: the registries fail, the Kafka side starts fine.
    Path jdk = Files.createDirectories(tmp.resolve("jdk-21"));
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"21.0.1\"\n");
    Path java = JavaRuntimes.javaExecutable(jdk);
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\necho 'this java is broken' >&2\nexit 42\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Set<ManagedProcess> before = ManagedProcess.live();
    System.setProperty(JavaRuntimes.REGISTRY_JAVA_HOME_PROPERTY, jdk.toString());
    System.setProperty(StartupCache.DISABLE_PROPERTY, "true");
    try {
      assertThatThrownBy(() -> LocalStack.start(LocalStack.Options.defaults()))
          .isInstanceOf(UnreachableException.class)
          .hasMessageContaining("apicurio-registry")
          .hasMessageContaining("exited with code 42")
          .hasMessageContaining("this java is broken");
    } finally {
      System.clearProperty(JavaRuntimes.REGISTRY_JAVA_HOME_PROPERTY);
      System.clearProperty(StartupCache.DISABLE_PROPERTY);
    }
    assertThat(ManagedProcess.live()).isEqualTo(before);
  }

  private static void assertStopped(List<? extends LocalServer> servers) {
    for (LocalServer server : servers) {
      assertThat(Files.exists(server.dataDir())).as(server.name() + " data dir").isFalse();
      for (int port : server.ports()) {
        assertThat(FreePorts.isBindable(port))
            .as(server.name() + " port " + port + " is free")
            .isTrue();
      }
    }
  }

  private static Admin admin(String bootstrap, Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    return Admin.create(config);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
