package io.kraftport.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RegistrySettingsTest {
  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  @Test
  void readsTheConfluentClientNames() {
    RegistrySettings s =
        RegistrySettings.fromProperties(
            props(
                "schema.registry.url", "https://sr-1:8081/apis/ccompat/v7, https://sr-2:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "svc:p@ss:word",
                "schema.registry.ssl.truststore.location", "/etc/trust.p12",
                "schema.registry.ssl.truststore.password", "trustpw",
                "schema.registry.ssl.truststore.type", "PKCS12"));
    assertThat(s.url()).isEqualTo("https://sr-1:8081/apis/ccompat/v7");
    assertThat(s.auth())
        .isInstanceOfSatisfying(
            RegistrySettings.Auth.Basic.class,
            b -> {
              assertThat(b.user()).isEqualTo("svc");
              assertThat(b.password().reveal()).isEqualTo("p@ss:word");
            });
    assertThat(s.tls().truststore().type()).isEqualTo("PKCS12");
    assertThat(s.concurrency()).isEqualTo(8);
    assertThat(s.toString())
        .doesNotContain("p@ss")
        .doesNotContain("trustpw")
        .contains("/etc/trust.p12");
  }

  @Test
  void urlCredentialsAreKeptOutOfTheUrl() {
    RegistrySettings s =
        RegistrySettings.fromProperties(
            props(
                "schema.registry.url",
                "http://u:pw@sr:8081",
                "basic.auth.credentials.source",
                "URL"));
    assertThat(s.url()).isEqualTo("http://sr:8081");
    assertThat(s.toString()).doesNotContain("pw");
  }

  @Test
  void refusesWhatItCannotHonour() {
    assertThatThrownBy(() -> RegistrySettings.fromProperties(props()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(
            () -> RegistrySettings.fromProperties(props("schema.registry.url", "ftp://x")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                RegistrySettings.fromProperties(
                    props(
                        "schema.registry.url",
                        "http://sr",
                        "basic.auth.credentials.source",
                        "SASL_INHERIT")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("SASL_INHERIT");
    assertThatThrownBy(
            () ->
                RegistrySettings.fromProperties(
                    props(
                        "schema.registry.url",
                        "http://sr",
                        "basic.auth.credentials.source",
                        "USER_INFO",
                        "basic.auth.user.info",
                        "no-colon-secret")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("no-colon-secret");
    assertThatThrownBy(() -> RegistrySettings.of("http://sr").withConcurrency(0))
        .isInstanceOf(InvalidInputException.class);
  }
}
