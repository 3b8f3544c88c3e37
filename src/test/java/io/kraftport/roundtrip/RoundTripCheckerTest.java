package io.kraftport.roundtrip;

import static io.kraftport.roundtrip.FakeRegistry.deleted;
import static io.kraftport.roundtrip.FakeRegistry.registry;
import static io.kraftport.roundtrip.FakeRegistry.subject;
import static io.kraftport.roundtrip.FakeRegistry.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kraftport.diff.Difference;
import io.kraftport.diff.Difference.Kind;
import io.kraftport.diff.Difference.Status;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.snapshot.RegistrySnapshot;
import io.kraftport.snapshot.SchemaVersion.SchemaReference;
import io.kraftport.snapshot.SubjectSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The round-trip checker against a target in memory: what it asks, and the differences it names.
 */
class RoundTripCheckerTest {
  private static final ResolvedSchema ORDER_V1 = avro("{\"name\":\"id\",\"type\":\"string\"}");
  private static final ResolvedSchema ORDER_V2 =
      avro("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"qty\",\"type\":\"int\"}");
  private static final ResolvedSchema ORDER_RENAMED =
      avro("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"quantity\",\"type\":\"int\"}");
  private static final ResolvedSchema CUSTOMER =
      new ResolvedSchema(
          "JSON",
          "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}},\"required\":[\"id\"]}",
          Map.of());

  private static final RegistrySnapshot SOURCE =
      registry(
          subject("orders-value", version(1, 7, ORDER_V1), version(2, 8, ORDER_V2)),
          subject("customers-value", version(1, 9, CUSTOMER)));

  private static ResolvedSchema avro(String fields) {
    return new ResolvedSchema(
        "AVRO", "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[" + fields + "]}", Map.of());
  }

  private static FakeRegistry sameAsSource() {
    return new FakeRegistry().with(7, ORDER_V1).with(8, ORDER_V2).with(9, CUSTOMER);
  }

  private static RoundTripReport check(
      RegistryView target, RegistrySnapshot source, boolean allVersions) {
    return new RoundTripChecker(new RoundTrip(), target, Optional.empty(), 1)
        .check(source, allVersions);
  }

  @Test
  void anIdenticalTargetPassesAndIsAskedForEachLatestVersionOnce() {
    FakeRegistry target = sameAsSource();

    RoundTripReport report = check(target, SOURCE, false);

    assertThat(report.differences()).isEmpty();
    assertThat(report.counts())
        .containsEntry("round-trips checked", 2)
        .containsEntry("producer lookups checked", 2)
        .containsEntry("compatibility checks run", 2);
    assertThat(target.requests)
        .containsExactlyInAnyOrder(
            "GET /schemas/ids/8",
            "POST /subjects/orders-value",
            "POST /compatibility/subjects/orders-value/versions/latest",
            "GET /schemas/ids/9",
            "POST /subjects/customers-value",
            "POST /compatibility/subjects/customers-value/versions/latest");
  }

  @Test
  void aTargetReturningAnotherSchemaForTheIdNamesTheVersionTheIdAndTheField() {
    FakeRegistry target = sameAsSource().with(8, ORDER_RENAMED);

    RoundTripReport report = check(target, SOURCE, false);

    assertThat(report.differences())
        .filteredOn(d -> d.kind() == Kind.ROUND_TRIP)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.status()).isEqualTo(Status.DRIFT);
              assertThat(d.resource()).isEqualTo("orders-value/2");
              assertThat(d.field()).isEqualTo("qty");
              assertThat(d.actual()).isEqualTo("<absent>");
              assertThat(d.note()).contains("schema id 8", "AVRO");
            });
  }

  @Test
  void anIdMissingOnTheTargetIsDrift() {
    FakeRegistry target = sameAsSource();
    target.schemas.remove(9);

    RoundTripReport report = check(target, SOURCE, false);

    assertThat(report.differences())
        .filteredOn(d -> d.kind() == Kind.ROUND_TRIP)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.status()).isEqualTo(Status.DRIFT);
              assertThat(d.resource()).isEqualTo("customers-value/1");
              assertThat(d.field()).isEqualTo("id");
              assertThat(d.expected()).isEqualTo("9");
              assertThat(d.actual()).isEqualTo("not found");
            });
  }

  @Test
  void aProducerLookupReturningAnotherIdIsDrift() {
    FakeRegistry target = sameAsSource();
    target.lookups.put("orders-value", RegistryView.Lookup.found(42));
    target.lookups.put("customers-value", RegistryView.Lookup.notFound());

    RoundTripReport report = check(target, SOURCE, false);

    assertThat(report.differences())
        .extracting(
            Difference::kind, Difference::resource, Difference::expected, Difference::actual)
        .containsExactly(
            tuple(Kind.PRODUCER_LOOKUP, "customers-value/1", "9", "not registered"),
            tuple(Kind.PRODUCER_LOOKUP, "orders-value/2", "8", "42"));
    assertThat(report.differences()).allMatch(Difference::isDrift);
  }

  @Test
  void anIncompatibleAnswerIsDriftUnlessTheLiveSourceAnswersTheSame() {
    FakeRegistry target = sameAsSource();
    target.compatibility.put(
        "orders-value", RegistryView.Compatibility.refused(42201, "Invalid schema"));
    target.compatibility.put(
        "customers-value", new RegistryView.Compatibility(false, 0, List.of("type changed")));
    FakeRegistry source = sameAsSource();
    source.compatibility.put(
        "orders-value", RegistryView.Compatibility.refused(42201, "Invalid schema"));

    List<Difference> differences =
        new RoundTripChecker(new RoundTrip(), target, Optional.of(source), 1)
            .check(SOURCE, false)
            .differences();

    assertThat(differences)
        .extracting(Difference::resource, Difference::status, Difference::actual)
        .containsExactly(
            tuple("customers-value/1", Status.DRIFT, "incompatible"),
            tuple("orders-value/2", Status.ACCEPTED, "refused (error 42201)"));
    assertThat(differences).allMatch(d -> d.kind() == Kind.COMPATIBILITY_CHECK);
    assertThat(differences.get(0).note()).contains("type changed");
    assertThat(differences.get(1).note()).contains("the source registry answers the same");
  }

  @Test
  void allVersionsRoundTripsSoftDeletedOnesButLooksUpOnlyLiveOnesAndChecksOnlyTheLatest() {
    RegistrySnapshot source =
        registry(
            subject("orders-value", deleted(version(1, 7, ORDER_V1)), version(2, 8, ORDER_V2)));
    FakeRegistry target = sameAsSource();

    RoundTripReport report = check(target, source, true);

    assertThat(report.differences()).isEmpty();
    assertThat(report.counts())
        .containsEntry("round-trips checked", 2)
        .containsEntry("producer lookups checked", 1)
        .containsEntry("compatibility checks run", 1);
    assertThat(target.requests).contains("GET /schemas/ids/7", "GET /schemas/ids/8");
  }

  @Test
  void aSnapshotTargetRoundTripsButSaysLookupsAndCompatibilityDidNotRun() {
    RegistrySnapshot targetSnapshot =
        registry(
            subject("orders-value", version(1, 7, ORDER_V1), version(2, 8, ORDER_RENAMED)),
            subject("customers-value", version(1, 9, CUSTOMER)));

    RoundTripReport report = check(new SnapshotRegistryView(targetSnapshot), SOURCE, false);

    assertThat(report.counts())
        .containsEntry("round-trips checked", 2)
        .containsEntry("producer lookups not run (target registry is a snapshot)", 2)
        .containsEntry("compatibility checks not run (target registry is a snapshot)", 2)
        .doesNotContainKeys("producer lookups checked", "compatibility checks run");
    assertThat(report.differences())
        .extracting(Difference::kind, Difference::resource, Difference::field)
        .containsExactly(tuple(Kind.ROUND_TRIP, "orders-value/2", "qty"));
  }

  @Test
  void referencesResolveWithinTheSourceSnapshotAndAMissingOneIsReportedAsNotChecked() {
    ResolvedSchema money =
        new ResolvedSchema(
            "AVRO",
            "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"acme\","
                + "\"fields\":[{\"name\":\"cents\",\"type\":\"long\"}]}",
            Map.of());
    ResolvedSchema order =
        new ResolvedSchema(
            "AVRO",
            "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"acme\","
                + "\"fields\":[{\"name\":\"total\",\"type\":\"acme.Money\"}]}",
            Map.of("acme.Money", money));
    SchemaReference ref = new SchemaReference("acme.Money", "money", 1);
    RegistrySnapshot source =
        registry(
            subject("money", version(1, 1, money)),
            subject("orders-value", version(1, 2, order, ref)));
    RegistrySnapshot missingRef = registry(subject("orders-value", version(1, 2, order, ref)));
    FakeRegistry target = new FakeRegistry().with(1, money).with(2, order);

    assertThat(check(target, source, false).differences()).isEmpty();

    RoundTripReport report = check(target, missingRef, false);
    assertThat(report.counts())
        .containsEntry("round-trips checked", 0)
        .containsEntry("round-trips not run (no usable source schema)", 1);
    assertThat(report.differences())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.status()).isEqualTo(Status.ACCEPTED);
              assertThat(d.note()).startsWith("not checked: reference acme.Money to money/1");
            });
  }

  @Test
  void checkingInParallelGivesTheSameReportAsOneByOne() {
    List<SubjectSnapshot> subjects = new ArrayList<>();
    FakeRegistry target = new FakeRegistry();
    for (int i = 0; i < 40; i++) {
      ResolvedSchema schema = avro("{\"name\":\"f" + i + "\",\"type\":\"long\"}");
      subjects.add(subject(String.format("s%02d", i), version(1, 100 + i, schema)));
      target.with(100 + i, i % 7 == 0 ? ORDER_V2 : schema);
    }
    RegistrySnapshot source = registry(subjects.toArray(SubjectSnapshot[]::new));

    RoundTripReport one = check(target, source, false);
    RoundTripReport parallel =
        new RoundTripChecker(new RoundTrip(), target, Optional.empty(), 8).check(source, false);

    assertThat(parallel).isEqualTo(one);
    assertThat(one.differences()).filteredOn(d -> d.kind() == Kind.ROUND_TRIP).hasSize(6);
  }
}
