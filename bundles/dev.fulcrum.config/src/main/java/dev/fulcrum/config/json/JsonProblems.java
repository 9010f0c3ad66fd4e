package dev.fulcrum.config.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.fulcrum.api.config.ConfigProblem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what Jackson throws into one {@link ConfigProblem}: the JSON path as the offending text. */
final class JsonProblems {

    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']*)'.*",
            Pattern.DOTALL);

    private final String source;
    private final TypeNames types;

    JsonProblems(String source, TypeNames types) {
        this.source = source;
        this.types = types;
    }

    ConfigProblem of(JacksonException e) {
        if (e instanceof JsonMappingException mapping) {
            return mapping(mapping);
        }
        String path = JsonPaths.ROOT;
        if (e.getProcessor() instanceof JsonParser parser) {
            path = JsonPaths.member(parser.getParsingContext());
        }
        if (e instanceof InputCoercionException coercion) {
            return error(e, path, "number out of range: expected " + types.expected(coercion.getTargetType()));
        }
        String kind = e instanceof StreamReadException ? "malformed JSON: " : "invalid JSON: ";
        return error(e, JsonPaths.ROOT, kind + e.getOriginalMessage());
    }

    private ConfigProblem mapping(JsonMappingException e) {
        String path = JsonPaths.of(e.getPath());
        if (e.getCause() instanceof InputCoercionException coercion) {
            return error(e, path, "number out of range: expected " + types.expected(coercion.getTargetType()));
        }
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            String what = TypeNames.simpleName(instantiation.getType().getRawClass());
            String reason = cause == null ? e.getOriginalMessage() : describe(cause);
            return error(e, path, "invalid " + what + ": " + reason);
        }
        if (e instanceof InvalidTypeIdException typeId) {
            String expected = types.subtypes(typeId.getBaseType());
            if (typeId.getTypeId() == null) {
                return error(e, path, "missing type field; expected " + expected);
            }
            return error(e, path, "unknown type '" + typeId.getTypeId() + "'; expected " + expected);
        }
        if (e instanceof InvalidNullException) {
            return error(e, path, "null is not allowed here; expected "
                    + types.expected(((InvalidNullException) e).getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            Matcher missing = MISSING.matcher(String.valueOf(e.getOriginalMessage()));
            if (missing.matches()) {
                String field = missing.group(1);
                String object = path.endsWith("." + field) ? path.substring(0, path.length() - field.length() - 1)
                        : path;
                return error(e, object, "missing required field '" + field + "'");
            }
            if (mismatch.getTargetType() == null) {
                return error(e, path, "invalid value: " + e.getOriginalMessage());
            }
            return error(e, path, "expected " + types.expected(mismatch.getTargetType()));
        }
        return error(e, path, "invalid value: " + e.getOriginalMessage());
    }

    private static String describe(Throwable cause) {
        if (cause instanceof NullPointerException) {
            return "missing value: " + cause.getMessage();
        }
        return String.valueOf(cause.getMessage());
    }

    private ConfigProblem error(JacksonException e, String path, String message) {
        return ConfigProblem.error(JsonPaths.location(source, e.getLocation()), path, message);
    }
}
