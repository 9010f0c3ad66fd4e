package dev.fulcrum.config.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** What a JSON value of a given Java type must look like, for "expected ..." messages. */
final class TypeNames {

    private final ObjectMapper mapper;

    TypeNames(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String expected(Type type) {
        if (type == null) {
            return "a different value";
        }
        JavaType javaType = mapper.constructType(type);
        Class<?> raw = javaType.getRawClass();
        if (raw == int.class || raw == Integer.class || raw == OptionalInt.class) {
            return "an integer (32 bits)";
        }
        if (raw == long.class || raw == Long.class || raw == OptionalLong.class) {
            return "an integer (64 bits)";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw == String.class) {
            return "a string";
        }
        if (raw == Duration.class) {
            return DurationCodec.EXPECTED;
        }
        if (InetAddress.class.isAssignableFrom(raw)) {
            return InetAddressCodec.EXPECTED;
        }
        if (raw.isEnum()) {
            return "one of: " + enumValues(raw);
        }
        if (raw == Optional.class) {
            return expected(javaType.getContentType());
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(raw)) {
            return "an object";
        }
        return "an object (" + simpleName(raw) + ")";
    }

    /** The type names a polymorphic model interface accepts, e.g. {@code checker: TCP_CHECK, HTTP_GET, ...}. */
    String subtypes(JavaType base) {
        Class<?> mixin = base == null ? null : mapper.findMixInClassFor(base.getRawClass());
        if (mixin == null || mixin.getAnnotation(JsonSubTypes.class) == null) {
            return "a known type";
        }
        String names = Arrays.stream(mixin.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name).collect(Collectors.joining(", "));
        return "'" + mixin.getAnnotation(JsonTypeInfo.class).property() + "' one of: " + names;
    }

    private String enumValues(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(this::json).collect(Collectors.joining(", "));
    }

    private String json(Object constant) {
        try {
            return mapper.writeValueAsString(constant).replace("\"", "");
        } catch (JsonProcessingException e) {
            return String.valueOf(constant);
        }
    }

    /** {@code HealthChecker.HttpGet} rather than a binary name. */
    static String simpleName(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : simpleName(outer) + "." + type.getSimpleName();
    }
}
