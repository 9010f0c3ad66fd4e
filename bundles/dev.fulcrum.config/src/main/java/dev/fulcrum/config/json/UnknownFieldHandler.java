package dev.fulcrum.config.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import dev.fulcrum.api.config.ConfigProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Collects every unknown field of one read (instead of stopping at the first), skips its value and
 * lets Jackson carry on, so one answer lists all misspelt fields. One instance per read.
 */
final class UnknownFieldHandler extends DeserializationProblemHandler {

    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();

    UnknownFieldHandler(String source) {
        this.source = source;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
            Object beanOrClass, String propertyName) throws IOException {
        // p is at the field's value: inside it already when the value is an object or array.
        JsonStreamContext context = p.getParsingContext();
        if (p.hasToken(JsonToken.START_OBJECT) || p.hasToken(JsonToken.START_ARRAY)) {
            context = context.getParent();
        }
        String path = JsonPaths.of(context) + "." + propertyName;
        problems.add(ConfigProblem.error(JsonPaths.location(source, p.currentTokenLocation()), path,
                "unknown field; expected one of: " + expected(deserializer)));
        p.skipChildren();
        return true;
    }

    private static String expected(JsonDeserializer<?> deserializer) {
        Collection<Object> known = deserializer == null ? null : deserializer.getKnownPropertyNames();
        if (known == null || known.isEmpty()) {
            return "(none)";
        }
        return known.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }
}
