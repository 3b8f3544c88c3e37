package io.kraftport.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import io.kraftport.config.SideConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryOptionsTest {
  @Test
  void aBadRegistryUrlNamesItsSide() {
    RegistryOptions options = new RegistryOptions();
    options.concurrency = 8;
    for (String side : new String[] {"source", "target"}) {
      SideConfig config =
          new SideConfig(side, Map.of("schema.registry.url", "ftp://registry:8081"));
      assertThatThrownBy(() -> options.connect(config, Duration.ofSeconds(5)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              side + " registry: schema.registry.url: not an http(s) URL: ftp://registry:8081");
    }
  }
}
