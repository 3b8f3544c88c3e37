package io.kraftport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InternalException;
import io.kraftport.InvalidInputException;
import io.kraftport.KraftportException;
import io.kraftport.UnreachableException;
import io.kraftport.config.SideConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaErrorsTest {
  private static final ClusterEndpoint SOURCE =
      new ClusterEndpoint("source", "b-1:9092", Duration.ofSeconds(5));

  @Test
  void kafkaFailuresAreUnreachableNamingTheSide() {
    KraftportException timeout =
        KafkaErrors.translate(new TimeoutException("t"), SOURCE, "list topics");
    assertThat(timeout)
        .isInstanceOf(UnreachableException.class)
        .hasMessageStartingWith(
            "source cluster (b-1:9092): cannot list topics: no answer within 5 s");
    assertThat(
            KafkaErrors.translate(
                new SaslAuthenticationException("invalid credentials"), SOURCE, "x"))
        .isInstanceOf(UnreachableException.class)
        .hasMessageContaining("authentication failed: invalid credentials");
    assertThat(
            KafkaErrors.translate(new TopicAuthorizationException("no"), SOURCE, "describe topics"))
        .isInstanceOf(UnreachableException.class)
        .hasMessageContaining("not authorized to describe topics");
  }

  @Test
  void aBugIsAnInternalErrorNeverUnreachable() {
    KraftportException e =
        KafkaErrors.translate(new NullPointerException("x is null"), SOURCE, "list topics");
    assertThat(e)
        .isInstanceOf(InternalException.class)
        .hasMessageContaining("internal error")
        .hasMessageContaining("NullPointerException");
    assertThat(e.kind()).isEqualTo(KraftportException.Kind.INTERNAL);
    assertThat(KafkaErrors.translate(new InterruptedException(), SOURCE, "create topics"))
        .isInstanceOf(UnreachableException.class)
        .hasMessageContaining("interrupted while trying to create topics");
  }

  @Test
  void aJaasTypoNamesItsRootCauseAndNotThePassword() {
    String password = "Sup3r-Secret-Pw";
    SideConfig side =
        new SideConfig(
            "target",
            Map.of(
                "bootstrap.servers", "127.0.0.1:1",
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                // No terminating semicolon.
                "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\""
                        + " password=\""
                        + password
                        + "\""));
    assertThatThrownBy(() -> KafkaAdmins.connect(side, Duration.ofSeconds(2)).close())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "target cluster (127.0.0.1:1): invalid client settings: Failed to create new"
                + " KafkaAdminClient")
        .hasMessageContaining("not terminated by semi-colon")
        .satisfies(t -> assertThat(t.getMessage()).doesNotContain(password));
  }

  @Test
  void rootMessageIsTheDeepestCauseWithOne() {
    Exception e =
        new RuntimeException(
            "outer",
            new IllegalStateException("middle", new IllegalArgumentException("the real reason")));
    assertThat(KafkaErrors.rootMessage(e)).isEqualTo("the real reason");
    assertThat(KafkaErrors.rootMessage(new RuntimeException("only"))).isEqualTo("only");
  }
}
