package io.kraftport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import io.kraftport.config.ConfigLoader.SideFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void splitsSidesAndSeparatesRegistryKeys() throws Exception {
    Path f =
        file(
            "m.properties",
            """
        source.bootstrap.servers=old:9092
        source.schema.registry.url=http://old-sr:8081
        target.bootstrap.servers=new:9092
        target.security.protocol=SASL_SSL
        clusters=source, target
        source->target.enabled=true
        """);
    var c = new ConfigLoader(Map.of()).load(f, SideFlags.NONE, SideFlags.NONE);
    assertThat(c.source().bootstrapServers()).contains("old:9092");
    assertThat(c.source().kafkaProperties()).containsOnlyKeys("bootstrap.servers");
    assertThat(c.source().registryProperties())
        .containsEntry("schema.registry.url", "http://old-sr:8081");
    assertThat(c.target().kafkaProperties()).containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void resolvesEnvAndFilePlaceholders() throws Exception {
    Path secrets = file("secrets.properties", "password=from-file\n");
    Path f =
        file(
            "m.properties",
            "target.sasl.jaas.config=x password=\"${env:KP_PASSWORD}\";\n"
                + "target.ssl.truststore.password=${file:"
                + secrets
                + ":password}\n");
    var c =
        new ConfigLoader(Map.of("KP_PASSWORD", "s3cret")).load(f, SideFlags.NONE, SideFlags.NONE);
    assertThat(c.target().find("sasl.jaas.config")).contains("x password=\"s3cret\";");
    assertThat(c.target().find("ssl.truststore.password")).contains("from-file");
  }

  @Test
  void aMissingVariableNamesTheKeyAndVariableButNoValue() throws Exception {
    Path f =
        file("m.properties", "target.sasl.jaas.config=password=\"${env:KP_MISSING}\" user=admin\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(f, SideFlags.NONE, SideFlags.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("target.sasl.jaas.config")
        .hasMessageContaining("KP_MISSING")
        .hasMessageNotContaining("admin");
  }

  @Test
  void flagsOverrideCommandConfigWhichOverridesTheFile() throws Exception {
    Path f =
        file(
            "m.properties",
            "source.bootstrap.servers=file:9092\nsource.client.id=from-file\n"
                + "source.request.timeout.ms=1\n");
    Path cmd =
        file("client.properties", "client.id=from-command-config\nbootstrap.servers=cmd:9092\n");
    var c =
        new ConfigLoader(Map.of()).load(f, new SideFlags(cmd, "flag:9092", null), SideFlags.NONE);
    assertThat(c.source().bootstrapServers()).contains("flag:9092");
    assertThat(c.source().find("client.id")).contains("from-command-config");
    assertThat(c.source().find("request.timeout.ms")).contains("1");
  }

  @Test
  void refusesKeysWithoutASide() throws Exception {
    Path f = file("m.properties", "bootstrap.servers=x:9092\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(f, SideFlags.NONE, SideFlags.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown key 'bootstrap.servers'");
  }

  @Test
  void aMissingFileIsAnInputError() {
    assertThatThrownBy(
            () ->
                new ConfigLoader(Map.of())
                    .load(dir.resolve("nope.properties"), SideFlags.NONE, SideFlags.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no such file");
  }

  @Test
  void toStringShowsNoValues() throws Exception {
    Path f = file("m.properties", "target.sasl.jaas.config=password=\"hunter2\"\n");
    var c = new ConfigLoader(Map.of()).load(f, SideFlags.NONE, SideFlags.NONE);
    assertThat(c.target().toString()).doesNotContain("hunter2").contains("sasl.jaas.config");
  }
}
