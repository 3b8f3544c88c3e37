package io.kraftport.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Reads the sample files packed into the jar from {@code samples/} (under {@code
 * io/kraftport/samples/}).
 */
final class Samples {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Samples() {}

  static <T> T read(String name, Class<T> type) {
    try (InputStream in = Samples.class.getResourceAsStream("/io/kraftport/samples/" + name)) {
      Objects.requireNonNull(in, "no sample named " + name);
      return MAPPER.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sample " + name, e);
    }
  }
}
