package dev.fulcrum.config.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.fulcrum.api.config.SourceLocation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** JSON paths in the {@code $.proxy.backends[2].servers[0].name} notation, and source locations. */
final class JsonPaths {

    static final String ROOT = "$";

    private JsonPaths() {
    }

    /** The path of a mapping exception: {@code $} followed by its field names and indexes. */
    static String of(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder(ROOT);
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The path of the value a parsing context is in (the object or array itself, not its current member). */
    static String of(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        JsonStreamContext child = context;
        for (JsonStreamContext parent = context == null ? null : context.getParent(); parent != null;
                child = parent, parent = parent.getParent()) {
            if (parent.inObject()) {
                steps.push("." + parent.getCurrentName());
            } else if (parent.inArray()) {
                steps.push("[" + Math.max(0, parent.getCurrentIndex()) + "]");
            }
        }
        return ROOT + String.join("", steps);
    }

    /** The path of the member a parsing context is at: its current field or element. */
    static String member(JsonStreamContext context) {
        String base = of(context);
        if (context == null || context.inRoot()) {
            return base;
        }
        if (context.inObject()) {
            return context.getCurrentName() == null ? base : base + "." + context.getCurrentName();
        }
        return base + "[" + Math.max(0, context.getCurrentIndex()) + "]";
    }

    /** Jackson counts lines and columns from 1, and -1 when unknown; a SourceLocation needs line >= 1. */
    static SourceLocation location(String source, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return new SourceLocation(source, 1, 0);
        }
        return new SourceLocation(source, location.getLineNr(), Math.max(0, location.getColumnNr()));
    }
}
