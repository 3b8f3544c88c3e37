package io.kraftport.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.report.ReportWriter.Format;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format of every fixture report against its golden file in {@code
 * src/test/resources/reports/}. After an intended change, regenerate them with {@code mvn test
 * -Dtest=ReportGoldenTest -Dkraftport.golden.update=true} and review the diff.
 */
class ReportGoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("kraftport.golden.update");

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (Format format : Format.values()) {
      cases.add(
          Arguments.of("diff-drift", format, (Supplier<Report>) ReportFixtures::diffWithDrift));
      cases.add(Arguments.of("diff-parity", format, (Supplier<Report>) ReportFixtures::parity));
      cases.add(Arguments.of("gate-closed", format, (Supplier<Report>) ReportFixtures::closedGate));
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void rendersTheGoldenFile(String name, Format format, Supplier<Report> report)
      throws IOException {
    String file = name + "." + extension(format);
    String rendered = format.render(report.get());
    if (UPDATE) {
      Files.writeString(
          Path.of("src/test/resources/reports", file), rendered, StandardCharsets.UTF_8);
    }
    assertThat(rendered).isEqualTo(golden(file));
    // Deterministic: a second rendering is the same text.
    assertThat(format.render(report.get())).isEqualTo(rendered);
  }

  static String extension(Format format) {
    return switch (format) {
      case JSON -> "json";
      case JUNIT_XML -> "xml";
      case MARKDOWN -> "md";
      case HTML -> "html";
    };
  }

  static String golden(String file) throws IOException {
    try (InputStream in = ReportGoldenTest.class.getResourceAsStream("/reports/" + file)) {
      assertThat(in).as("golden file /reports/" + file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
