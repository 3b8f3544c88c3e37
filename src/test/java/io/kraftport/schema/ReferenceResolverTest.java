package io.kraftport.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kraftport.schema.ReferenceResolver.Unresolved;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import io.kraftport.snapshot.SubjectVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reference resolution through a lookup seam: what the snapshot and live registry views and
 * Canonicals share.
 */
class ReferenceResolverTest {
  private final Map<SubjectVersion, Unresolved> known = new HashMap<>();
  private final List<SubjectVersion> asked = new ArrayList<>();
  private final ReferenceResolver resolver =
      new ReferenceResolver(
          key -> {
            asked.add(key);
            return Optional.ofNullable(known.get(key));
          },
          r ->
              new IllegalStateException(
                  "missing " + r.name() + " " + r.subject() + "/" + r.version()));

  private static Unresolved schema(String text, SchemaReference... refs) {
    return new Unresolved("PROTOBUF", text, List.of(refs));
  }

  @Test
  void resolvesReferencesOfReferencesByTheNameTheTextUses() {
    known.put(
        new SubjectVersion("money", 2),
        schema("money", new SchemaReference("currency.proto", "currency", 1)));
    known.put(new SubjectVersion("currency", 1), schema("currency"));
    ResolvedSchema resolved =
        resolver.resolve(schema("order", new SchemaReference("money.proto", "money", 2)));
    assertThat(resolved.type()).isEqualTo("PROTOBUF");
    assertThat(resolved.schema()).isEqualTo("order");
    ResolvedSchema money = resolved.references().get("money.proto");
    assertThat(money.schema()).isEqualTo("money");
    assertThat(money.references().get("currency.proto").schema()).isEqualTo("currency");
    assertThat(asked)
        .containsExactly(new SubjectVersion("money", 2), new SubjectVersion("currency", 1));
  }

  @Test
  void aCycleIsFollowedOnce() {
    known.put(new SubjectVersion("a", 1), schema("a", new SchemaReference("b.proto", "b", 1)));
    known.put(new SubjectVersion("b", 1), schema("b", new SchemaReference("a.proto", "a", 1)));
    ResolvedSchema resolved = resolver.resolve(known.get(new SubjectVersion("a", 1)));
    // The root is not a subject version the resolver knows: its own reference back to b is where
    // the walk stops.
    assertThat(resolved.references().get("b.proto").references().get("a.proto").references())
        .isEmpty();
    assertThat(asked).containsExactly(new SubjectVersion("b", 1), new SubjectVersion("a", 1));
  }

  @Test
  void aMissingReferenceFailsWithTheCallersException() {
    assertThatThrownBy(
            () -> resolver.resolve(schema("order", new SchemaReference("m.proto", "money", 9))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("missing m.proto money/9");
  }

  @Test
  void subjectVersionsSortBySubjectThenVersionAndPrintAsMessagesNameThem() {
    assertThat(
            List.of(
                    new SubjectVersion("b", 1),
                    new SubjectVersion("a", 10),
                    new SubjectVersion("a", 2))
                .stream()
                .sorted()
                .map(SubjectVersion::toString))
        .containsExactly("a/2", "a/10", "b/1");
  }
}
