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
 * Skips every unknown field so that Jackson carries on to further errors, and records it as a
 * fallback for {@link UnknownFieldScan}, which reports unknown fields with exact paths. The path
 * computed here can be imprecise: Jackson replays buffered fields of records through a token
 * buffer whose context is detached from the document. One instance per read.
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
