package io.kraftport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {
  @Test
  void defaultsComeFromSystemPropertiesWithARandomPassword() {
    String key = LocalStack.Options.TARGET_KAFKA_VERSION_PROPERTY;
    String before = System.getProperty(key);
    System.setProperty(key, "4.1.2");
    try {
      LocalStack.Options options = LocalStack.Options.defaults();
      assertThat(options.targetKafkaVersion()).isEqualTo("4.1.2");
      assertThat(options.registries()).isTrue();
      assertThat(options.targetAdminPassword())
          .hasSize(20)
          .isNotEqualTo(LocalStack.Options.defaults().targetAdminPassword());
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }

  @Test
  void withersChangeOneThing() {
    LocalStack.Options options =
        LocalStack.Options.defaults()
            .withRegistries(false)
            .withTargetAdminPassword("s3cret-pass")
            .withStartTimeout(Duration.ofSeconds(5))
            .withVersions("3.8.1", "4.1.2", "3.2.0");
    assertThat(options)
        .isEqualTo(
            new LocalStack.Options(
                "3.8.1", "4.1.2", "3.2.0", false, "s3cret-pass", Duration.ofSeconds(5)));
  }

  @Test
  void theSourceMustBeZooKeeperModeAndTheTargetKraft() {
    LocalStack.Options options = LocalStack.Options.defaults();
    assertThatThrownBy(() -> options.withVersions("4.0.2", "4.0.2", "3.3.3"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("source");
    assertThatThrownBy(() -> options.withVersions("3.9.2", "3.9.2", "3.3.3"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("target");
    assertThatThrownBy(() -> options.withVersions("3.9.2", "4.0.2", "latest"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Apicurio");
  }

  @Test
  void toStringLeavesThePasswordOut() {
    LocalStack.Options options =
        LocalStack.Options.defaults().withTargetAdminPassword("very-secret-1");
    assertThat(options.toString()).doesNotContain("very-secret-1").contains("target Kafka");
  }

  @Test
  void passwordsThatWouldBreakTheScramOrJaasSyntaxAreRejected() {
    for (String bad : new String[] {"short", "with\"quote", "a,b=[c]defgh", "with space x", null}) {
      assertThatThrownBy(() -> LocalStack.Options.defaults().withTargetAdminPassword(bad))
          .as(String.valueOf(bad))
          .isInstanceOf(InvalidInputException.class);
    }
  }
}
