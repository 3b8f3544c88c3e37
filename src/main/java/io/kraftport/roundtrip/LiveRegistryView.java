package io.kraftport.roundtrip;

import io.kraftport.InvalidInputException;
import io.kraftport.registry.Contexts;
import io.kraftport.registry.RegisterRequest;
import io.kraftport.registry.RegistryClient;
import io.kraftport.registry.RegistryException;
import io.kraftport.registry.SchemaEntry;
import io.kraftport.schema.ReferenceResolver;
import io.kraftport.schema.ReferenceResolver.Unresolved;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.snapshot.SchemaVersion;
import io.kraftport.snapshot.SubjectVersion;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A live registry as a {@link RegistryView}: {@code GET /schemas/ids/{id}} (with {@code
 * ?subject=:.ctx:} outside the default context), with each reference read as the subject version it
 * names ({@code GET /subjects/{s}/versions/{v}}, soft-deleted ones included), both remembered, so
 * every id and referenced version is asked once. Lookups and compatibility checks go to the
 * registry each time. Errors other than "not found" are the client's ({@link RegistryException},
 * {@link io.kraftport.UnreachableException}). Safe for concurrent use; the client bounds the
 * requests in flight. Does not own the client.
 */
public final class LiveRegistryView implements RegistryView {
  private final RegistryClient client;
  private final Map<IdKey, Optional<ResolvedSchema>> byId = new ConcurrentHashMap<>();
  private final Map<SubjectVersion, Optional<SchemaEntry>> versions = new ConcurrentHashMap<>();
  private final ReferenceResolver resolver;

  private record IdKey(String context, int id) {}

  public LiveRegistryView(RegistryClient client) {
    this.client = Objects.requireNonNull(client, "client");
    this.resolver =
        new ReferenceResolver(
            key -> version(key).map(LiveRegistryView::unresolved),
            r -> new InvalidInputException(r.describe() + " cannot be found on " + client.url()));
  }

  @Override
  public Optional<ResolvedSchema> findSchema(String context, int id) {
    IdKey key = new IdKey(Contexts.isDefault(context) ? Contexts.DEFAULT : context, id);
    Optional<ResolvedSchema> known = byId.get(key);
    if (known != null) {
      return known;
    }
    SchemaEntry entry;
    try {
      entry = client.schemaById(key.context(), id);
    } catch (RegistryException e) {
      if (e.isSchemaNotFound() || e.httpStatus() == 404) {
        byId.put(key, Optional.empty());
        return Optional.empty();
      }
      throw e;
    }
    Optional<ResolvedSchema> found = Optional.of(resolver.resolve(unresolved(entry)));
    byId.put(key, found);
    return found;
  }

  private static Unresolved unresolved(SchemaEntry entry) {
    return new Unresolved(
        entry.schemaType(), entry.schema() == null ? "" : entry.schema(), entry.references());
  }

  private Optional<SchemaEntry> version(SubjectVersion key) {
    Optional<SchemaEntry> known = versions.get(key);
    if (known != null) {
      return known;
    }
    Optional<SchemaEntry> found;
    try {
      found = Optional.of(client.version(key.subject(), key.version(), true));
    } catch (RegistryException e) {
      if (!(e.isSubjectNotFound() || e.isVersionNotFound() || e.httpStatus() == 404)) {
        throw e;
      }
      found = Optional.empty();
    }
    versions.put(key, found);
    return found;
  }

  @Override
  public boolean answersProducers() {
    return true;
  }

  @Override
  public Lookup lookup(String subject, SchemaVersion schema) {
    try {
      return client
          .lookup(subject, RegisterRequest.of(schema, false), false)
          .map(
              e ->
                  e.id() == null
                      ? Lookup.refused("the registry answered without an id")
                      : Lookup.found(e.id()))
          .orElseGet(Lookup::notFound);
    } catch (RegistryException e) {
      if (!isAnswer(e)) {
        throw e;
      }
      return Lookup.refused(e.getMessage());
    }
  }

  @Override
  public Compatibility checkCompatibility(String subject, SchemaVersion schema) {
    try {
      RegistryClient.CompatibilityResult result =
          client.checkCompatibility(subject, RegisterRequest.of(schema, false));
      return new Compatibility(result.compatible(), 0, result.messages());
    } catch (RegistryException e) {
      if (!isAnswer(e)) {
        throw e;
      }
      return Compatibility.refused(
          e.errorCode() != 0 ? e.errorCode() : e.httpStatus(), e.getMessage());
    }
  }

  /**
   * Whether the registry refused this request for what it is (4xx), rather than failing (5xx,
   * throttling).
   */
  private static boolean isAnswer(RegistryException e) {
    return e.httpStatus() >= 400
        && e.httpStatus() < 500
        && e.httpStatus() != 408
        && e.httpStatus() != 429;
  }
}
