package dev.fulcrum.api.model.proxy;

import java.util.List;
import java.util.Objects;

/**
 * 4.2 "log-format &lt;string&gt;": a proxy's own log line (configuration.txt 8.2.6 "Custom log format").
 *
 * @param source the format string as HAProxy reads it (unquoted, unescaped), kept to write it back
 * @param nodes  its elements in order
 */
public record CustomLogFormat(String source, List<LogFormatNode> nodes) {

    public CustomLogFormat {
        Objects.requireNonNull(source, "source");
        nodes = List.copyOf(nodes);
    }
}
