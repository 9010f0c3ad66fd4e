package dev.fulcrum.config.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.fulcrum.api.config.ConfigProblem;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every unknown field of a document in one streaming pass over it, guided by the model's
 * record components, with the exact JSON path and location of each. (Jackson buffers the fields of
 * records it builds through their constructors, so its own unknown-field reports lose both.) A
 * polymorphic object is checked against the subtype its type field names, wherever that field is;
 * against the union of its subtypes' fields when the type is missing or unknown.
 */
final class UnknownFieldScan {

    private static final PropertyNamingStrategies.NamingBase NAMING =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final ObjectMapper mapper;
    private final JsonFactory factory;

    UnknownFieldScan(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
    }

    /** The unknown fields of {@code json} read as {@code root}; malformed input is left to the real read. */
    List<ConfigProblem> scan(String json, Class<?> root, String source) {
        List<ConfigProblem> problems = new ArrayList<>();
        try (JsonParser p = factory.createParser(json)) {
            if (p.nextToken() != null) {
                value(p, root, JsonPaths.ROOT, source, problems);
            }
        } catch (IOException | RuntimeException malformed) {
            // Reported, with its location, by the Jackson read that follows.
        }
        return problems;
    }

    private void value(JsonParser p, Type type, String path, String source, List<ConfigProblem> problems)
            throws IOException {
        if (p.hasToken(JsonToken.START_ARRAY)) {
            Type element = element(type);
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY && p.currentToken() != null) {
                if (element == null) {
                    p.skipChildren();
                } else {
                    value(p, element, path + "[" + index + "]", source, problems);
                }
                index++;
            }
        } else if (p.hasToken(JsonToken.START_OBJECT)) {
            object(p, raw(type), path, source, problems);
        }
    }

    private void object(JsonParser p, Class<?> raw, String path, String source, List<ConfigProblem> problems)
            throws IOException {
        Map<String, Type> union = raw == null ? null : fields(raw);
        if (union == null) {
            p.skipChildren();
            return;
        }
        String typeProperty = typeProperty(raw);
        Map<String, Type> resolved = typeProperty == null ? union : null;
        // Fields of a polymorphic object read before its type field: judged once the type is known.
        List<Map.Entry<String, JsonLocation>> undecided = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonLocation location = p.currentTokenLocation();
            p.nextToken();
            if (resolved == null && name.equals(typeProperty) && p.hasToken(JsonToken.VALUE_STRING)) {
                Class<?> subtype = subtype(raw, p.getText());
                if (subtype != null) {
                    resolved = new LinkedHashMap<>();
                    resolved.put(typeProperty, String.class);
                    resolved.putAll(fields(subtype));
                }
            }
            Map<String, Type> known = resolved == null ? union : resolved;
            Type fieldType = known.get(name);
            if (fieldType == null) {
                problems.add(unknown(source, location, path + "." + name, known));
                p.skipChildren();
            } else {
                if (resolved == null) {
                    undecided.add(Map.entry(name, location));
                }
                value(p, fieldType, path + "." + name, source, problems);
            }
        }
        if (resolved != null && resolved != union) {
            for (Map.Entry<String, JsonLocation> field : undecided) {
                if (!resolved.containsKey(field.getKey())) {
                    problems.add(unknown(source, field.getValue(), path + "." + field.getKey(), resolved));
                }
            }
        }
    }

    private static ConfigProblem unknown(String source, JsonLocation location, String path, Map<String, Type> known) {
        return ConfigProblem.error(JsonPaths.location(source, location), path,
                "unknown field; expected one of: " + String.join(", ", known.keySet()));
    }

    /** JSON field name to Java type: a record's components, or the union over a polymorphic type's subtypes. */
    private Map<String, Type> fields(Class<?> raw) {
        Map<String, Type> fields = new LinkedHashMap<>();
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                fields.put(NAMING.translate(component.getName()), component.getGenericType());
            }
            return fields;
        }
        JsonSubTypes subtypes = subtypes(raw);
        if (subtypes == null) {
            return null;
        }
        fields.put(typeProperty(raw), String.class);
        for (JsonSubTypes.Type subtype : subtypes.value()) {
            fields(subtype.value()).forEach(fields::putIfAbsent);
        }
        return fields;
    }

    private JsonSubTypes subtypes(Class<?> raw) {
        Class<?> mixin = mapper.findMixInClassFor(raw);
        return mixin == null ? null : mixin.getAnnotation(JsonSubTypes.class);
    }

    private String typeProperty(Class<?> raw) {
        Class<?> mixin = mapper.findMixInClassFor(raw);
        JsonTypeInfo info = mixin == null ? null : mixin.getAnnotation(JsonTypeInfo.class);
        return info == null ? null : info.property();
    }

    private Class<?> subtype(Class<?> raw, String name) {
        JsonSubTypes subtypes = subtypes(raw);
        if (subtypes != null) {
            for (JsonSubTypes.Type subtype : subtypes.value()) {
                if (subtype.name().equals(name)) {
                    return subtype.value();
                }
            }
        }
        return null;
    }

    /** The element type of a collection, through Optional wrappers; null when not a collection. */
    private static Type element(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return parameterized.getActualTypeArguments()[0];
        }
        return null;
    }

    /** The class an object value binds to, unwrapping Optional. */
    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> raw) {
            return raw;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            if (RequiredFields.isOptional(raw)) {
                return raw(parameterized.getActualTypeArguments()[0]);
            }
            return raw;
        }
        return null;
    }
}
