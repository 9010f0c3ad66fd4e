package dev.fulcrum.config.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.api.model.DesiredState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The desired state as JSON (docs/json-model.md): snake_case field names in record-component
 * order, durations as {@code "30s"}, addresses as literals, enums by their configuration keyword.
 * Reading validates through the model's constructors and rejects unknown fields; every problem
 * names the JSON path it is about. Thread-safe; build one and share it.
 */
public final class ModelJson {

    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final TypeNames types;
    private final UnknownFieldScan scan;

    public ModelJson() {
        ObjectMapper mapper = JsonMappers.strict();
        this.scan = new UnknownFieldScan(mapper);
        this.reader = mapper.readerFor(DesiredState.class);
        this.writer = mapper.writerFor(DesiredState.class).with(JsonMappers.prettyPrinter());
        this.types = new TypeNames(mapper);
    }

    /** Pretty, deterministic JSON: the same model always gives the same text, ending with a newline. */
    public String write(DesiredState state) {
        Objects.requireNonNull(state, "state");
        try {
            return writer.writeValueAsString(state) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the model cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads and validates a desired state.
     *
     * @param json       the JSON text
     * @param sourceName the name problems are located in (a file name, "request body")
     * @throws ConfigException with every problem found (unknown fields all at once; the first
     *                         other error, since Jackson stops there), each with its JSON path
     */
    public DesiredState read(String json, String sourceName) throws ConfigException {
        Objects.requireNonNull(sourceName, "sourceName");
        if (json == null) {
            throw new ConfigException(List.of(ConfigProblem.error(new SourceLocation(sourceName, 1, 0), "",
                    "no JSON text")));
        }
        UnknownFieldHandler unknown = new UnknownFieldHandler(sourceName);
        List<ConfigProblem> problems = new ArrayList<>();
        DesiredState state = null;
        try {
            state = reader.withHandler(unknown).readValue(json);
            if (state == null) {
                problems.add(ConfigProblem.error(new SourceLocation(sourceName, 1, 0), JsonPaths.ROOT,
                        "expected an object (DesiredState), not null"));
            }
        } catch (JacksonException e) {
            problems.add(new JsonProblems(sourceName, types).of(e));
        } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
            problems.add(ConfigProblem.error(new SourceLocation(sourceName, 1, 0), JsonPaths.ROOT,
                    "invalid JSON: " + e));
        }
        // The scan has exact paths; Jackson's own reports are the fallback for what the scan cannot see.
        List<ConfigProblem> all = new ArrayList<>(scan.scan(json, DesiredState.class, sourceName));
        if (all.isEmpty()) {
            all.addAll(unknown.problems());
        }
        all.addAll(problems);
        if (!all.isEmpty()) {
            throw new ConfigException(all);
        }
        return state;
    }
}
