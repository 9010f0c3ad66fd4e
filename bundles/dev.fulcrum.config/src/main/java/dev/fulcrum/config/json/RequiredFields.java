package dev.fulcrum.config.json;

import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The one rule for which fields a JSON object must have: every record component is required except
 * the optional ones ({@code Optional}, {@code OptionalInt}, ...), which are empty when absent.
 */
final class RequiredFields extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    static boolean isOptional(Class<?> type) {
        return type == Optional.class || type == OptionalInt.class || type == OptionalLong.class
                || type == OptionalDouble.class;
    }

    @Override
    public Boolean hasRequiredMarker(AnnotatedMember member) {
        return !isOptional(member.getRawType());
    }
}
