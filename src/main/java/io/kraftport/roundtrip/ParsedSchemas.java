package io.kraftport.roundtrip;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.networknt.schema.JsonSchema;
import io.kraftport.schema.AvroSchemas;
import io.kraftport.schema.JsonSchemas;
import io.kraftport.schema.ProtobufSchemas;
import io.kraftport.schema.ResolvedSchema;
import io.kraftport.schema.SchemaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;

/**
 * Parsed schemas kept by their resolved form, so that decoding many records with the same few
 * schemas parses each once; for Avro also a datum reader per thread, since building one resolves
 * the schema again. Least recently used entries go first; the last few instances asked for are also
 * found by identity, without a lock. Safe for concurrent use, as round-trips run on several
 * threads.
 */
final class ParsedSchemas {
  private static final int CAPACITY = 256;
  private static final int RECENT = 8;

  private final Map<ResolvedSchema, Object> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ResolvedSchema, Object> eldest) {
          return size() > CAPACITY;
        }
      };

  /** A schema instance asked for lately, and its parsed form. */
  private record Recent(ResolvedSchema schema, Object parsed) {}

  private volatile Recent[] recent = new Recent[0];

  /** An Avro schema with its readers: one per thread, as a reader keeps state between reads. */
  private record Avro(Schema schema, ThreadLocal<GenericDatumReader<Object>> readers) {
    Avro(Schema schema) {
      this(schema, ThreadLocal.withInitial(() -> AvroCodec.reader(schema)));
    }
  }

  Schema avro(ResolvedSchema schema) {
    return ((Avro) parsed(schema, SchemaType.AVRO)).schema();
  }

  /** This thread's reader of the schema as both writer and reader schema. */
  GenericDatumReader<Object> avroReader(ResolvedSchema schema) {
    return ((Avro) parsed(schema, SchemaType.AVRO)).readers().get();
  }

  FileDescriptor protobuf(ResolvedSchema schema) {
    return (FileDescriptor) parsed(schema, SchemaType.PROTOBUF);
  }

  JsonSchema json(ResolvedSchema schema) {
    return (JsonSchema) parsed(schema, SchemaType.JSON);
  }

  private Object parsed(ResolvedSchema schema, SchemaType type) {
    // A probe asks for the same few instances once per record: found by identity, they cost no hash
    // and no lock.
    for (Recent r : recent) {
      if (r.schema() == schema) {
        return r.parsed();
      }
    }
    Object parsed;
    synchronized (cache) {
      parsed = cache.get(schema);
    }
    // Parsed outside the lock, so threads parse different schemas at once; a rare duplicate parse
    // is harmless.
    Object fresh =
        parsed != null
            ? null
            : switch (type) {
              case AVRO -> new Avro(AvroSchemas.parse(schema));
              case PROTOBUF -> ProtobufSchemas.descriptor(schema);
              case JSON -> JsonSchemas.schema(schema);
            };
    synchronized (cache) {
      if (fresh != null) {
        Object raced = cache.putIfAbsent(schema, fresh);
        parsed = raced != null ? raced : fresh;
      }
      Recent[] now = recent;
      Recent[] next = new Recent[Math.min(RECENT, now.length + 1)];
      next[0] = new Recent(schema, parsed);
      System.arraycopy(now, 0, next, 1, next.length - 1);
      recent = next;
      return parsed;
    }
  }
}
