package dev.fulcrum.config.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.fulcrum.api.model.DesiredState;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/json-model.md has a row for every JSON field of every record reachable from DesiredState. */
class JsonDocCoverageTest {

    private static final PropertyNamingStrategies.NamingBase NAMING =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final ObjectMapper mapper = JsonMappers.strict();

    @Test
    void everyFieldOfEveryRecordIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("../../docs/json-model.md"));
        Set<Class<?>> records = new LinkedHashSet<>();
        collect(DesiredState.class, records);
        assertTrue(records.size() > 50, "walked " + records.size() + " records");
        List<String> missing = new ArrayList<>();
        for (Class<?> record : records) {
            String heading = "### `" + TypeNames.simpleName(record) + "`";
            int start = doc.indexOf(heading);
            if (start < 0) {
                missing.add(heading);
                continue;
            }
            int end = doc.indexOf("\n### ", start + 1);
            String section = doc.substring(start, end < 0 ? doc.length() : end);
            for (RecordComponent component : record.getRecordComponents()) {
                String row = "| `" + NAMING.translate(component.getName()) + "` |";
                if (!section.contains(row)) {
                    missing.add(heading + " " + row);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private void collect(Type type, Set<Class<?>> records) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, records);
            }
            return;
        }
        if (!(type instanceof Class<?> raw) || !raw.getName().startsWith("dev.fulcrum.api.model")) {
            return;
        }
        if (raw.isRecord() && records.add(raw)) {
            for (RecordComponent component : raw.getRecordComponents()) {
                collect(component.getGenericType(), records);
            }
        } else if (raw.isInterface()) {
            JsonSubTypes subtypes = mapper.findMixInClassFor(raw).getAnnotation(JsonSubTypes.class);
            for (JsonSubTypes.Type subtype : subtypes.value()) {
                collect(subtype.value(), records);
            }
        }
    }
}
