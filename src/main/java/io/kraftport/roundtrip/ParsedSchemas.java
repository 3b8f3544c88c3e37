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

/**
 * Parsed schemas kept by their resolved form, so that decoding many records with the same few schemas parses each
 * once. Least recently used entries go first; access is synchronized, as a probe may decode from several threads.
 */
final class ParsedSchemas {
  private static final int CAPACITY = 256;

  private final Map<ResolvedSchema, Object> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ResolvedSchema, Object> eldest) {
      return size() > CAPACITY;
    }
  };

  Schema avro(ResolvedSchema schema) {
    return (Schema) parsed(schema, SchemaType.AVRO);
  }

  FileDescriptor protobuf(ResolvedSchema schema) {
    return (FileDescriptor) parsed(schema, SchemaType.PROTOBUF);
  }

  JsonSchema json(ResolvedSchema schema) {
    return (JsonSchema) parsed(schema, SchemaType.JSON);
  }

  private Object parsed(ResolvedSchema schema, SchemaType type) {
    synchronized (cache) {
      Object parsed = cache.get(schema);
      if (parsed == null) {
        parsed = switch (type) {
          case AVRO -> AvroSchemas.parse(schema);
          case PROTOBUF -> ProtobufSchemas.descriptor(schema);
          case JSON -> JsonSchemas.schema(schema);
        };
        cache.put(schema, parsed);
      }
      return parsed;
    }
  }
}
