package io.kraftport.registry;

import static io.kraftport.registry.Fixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;

import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.RegistryDiffer;
import io.kraftport.plan.ImportPlan;
import io.kraftport.plan.ImportStep;
import io.kraftport.schema.DefaultSchemaCanon;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Protobuf schema as declared on one side and as Confluent re-lays it out on the other, through
 * the real canonicalizer: a faithful copy diffs clean and re-imports as nothing to write; a real
 * change still shows.
 */
class ProtobufRelayoutTest {
  private static final String DECLARED = resource("order-declared.proto");
  private static final String CONFLUENT = resource("order-confluent.proto");

  private static String resource(String name) {
    try (InputStream in = ProtobufRelayoutTest.class.getResourceAsStream("/protobuf/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RegistrySnapshot registry(String schema) {
    return Fixtures.confluent(
        subject(
            "orders-value",
            new SchemaVersion(1, 42, "PROTOBUF", false, List.of(), null, null, schema)));
  }

  @Test
  void aFaithfulCopyInConfluentsLayoutDiffsClean() {
    assertThat(
            RegistryDiffer.diff(registry(DECLARED), registry(CONFLUENT), new DefaultSchemaCanon()))
        .isEmpty();
  }

  @Test
  void aFieldNumberChangeInConfluentsLayoutStillShows() {
    RegistrySnapshot changed =
        registry(CONFLUENT.replace("created_at_ms = 8", "created_at_ms = 14"));
    assertThat(RegistryDiffer.diff(registry(DECLARED), changed, new DefaultSchemaCanon()))
        .extracting(Difference::kind)
        .containsExactly(Kind.SCHEMA_TEXT);
  }

  @Test
  void reImportingOntoConfluentsLayoutWritesNothing() {
    ImportPlan plan =
        new ImportPlanner(new DefaultSchemaCanon())
            .plan(
                registry(DECLARED),
                registry(CONFLUENT),
                RegistryFlavor.CONFLUENT,
                ImportOptions.DEFAULT);

    assertThat(plan.steps())
        .extracting(ImportStep::action)
        .containsExactly(ImportStep.Action.EXISTS_SAME);
    assertThat(plan.hasConflicts()).isFalse();
    assertThat(plan.writesAnything()).isFalse();
  }
}
