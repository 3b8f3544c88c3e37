package io.kraftport.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.InvalidInputException;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A snapshot's references are resolved within the snapshot; one it does not hold fails naming it
 * and the file.
 */
class SnapshotRegistryViewTest {
  private static SchemaVersion proto(int version, int id, String text, SchemaReference... refs) {
    return new SchemaVersion(version, id, "PROTOBUF", false, List.of(refs), null, null, text);
  }

  private static RegistrySnapshot snapshot(SubjectSnapshot... subjects) {
    return new RegistrySnapshot(
        "http://source",
        "confluent",
        "BACKWARD",
        "READWRITE",
        true,
        List.of(),
        List.of(subjects),
        List.of());
  }

  @Test
  void resolvesReferencesWithinTheSnapshot() {
    SchemaVersion order = proto(1, 1, "order", new SchemaReference("money.proto", "money", 2));
    SnapshotRegistryView view =
        new SnapshotRegistryView(
            snapshot(
                new SubjectSnapshot("orders-value", false, null, null, List.of(order)),
                new SubjectSnapshot("money", false, null, null, List.of(proto(2, 7, "money")))));
    assertThat(view.findSchema(".", 1).orElseThrow().references().get("money.proto").schema())
        .isEqualTo("money");
  }

  @Test
  void aReferenceTheSnapshotDoesNotHoldFailsNamingIt() {
    SchemaVersion order = proto(1, 1, "order", new SchemaReference("money.proto", "money", 2));
    SnapshotRegistryView view =
        new SnapshotRegistryView(
            snapshot(new SubjectSnapshot("orders-value", false, null, null, List.of(order))));
    assertThatThrownBy(() -> view.resolve(order))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "reference money.proto to money/2 is not in the registry snapshot of http://source");
  }
}
