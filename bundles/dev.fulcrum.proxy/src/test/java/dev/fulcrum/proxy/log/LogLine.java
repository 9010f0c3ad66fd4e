package dev.fulcrum.proxy.log;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two traffic-log formats of HAProxy 2.6 as regexes with one named group per field
 * (configuration.txt 8.2.2 tcplog, 8.2.3 httplog), so that a line from HAProxy and one from this
 * proxy are split the same way.
 */
enum LogLine implements LineFormat {
    /** With the "{...}" of the header captures (4.2 "capture request|response header") when configured. */
    HTTPLOG("(?<TR>-?\\d+)/(?<Tw>-?\\d+)/(?<Tc>-?\\d+)/(?<Tr>-?\\d+)/(?<Ta>-?\\d+) (?<ST>-?\\d+) (?<B>\\d+) "
            + "(?<CC>\\S+) (?<CS>\\S+) (?<tsc>\\S{4}) %COUNTERS% (?:(?<hr>\\{[^}]*\\}) )?(?:(?<hs>\\{[^}]*\\}) )?"
            + "(?<r>\".*\")",
            List.of("TR", "Tw", "Tc", "Tr", "Ta", "ST", "B", "CC", "CS", "tsc", "hr", "hs", "r")),
    TCPLOG("(?<Tw>-?\\d+)/(?<Tc>-?\\d+)/(?<Tt>-?\\d+) (?<B>\\d+) (?<ts>\\S\\S) %COUNTERS%",
            List.of("Tw", "Tc", "Tt", "B", "ts"));

    /** The parts both formats share (constants an enum constructor may read). */
    private static final class Parts {
        /** %ci:%cp [%t] %ft %b/%s: the head both formats share. */
        static final String HEAD = "(?<ci>[0-9a-f.:]+):(?<cp>\\d+) "
            + "\\[(?<date>\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\] (?<ft>\\S+) (?<b>[^/ ]+)/(?<s>\\S+) ";
        static final String COUNTERS = "(?<ac>\\d+)/(?<fc>\\d+)/(?<bc>\\d+)/(?<sc>\\d+)/(?<rc>\\+?\\d+) "
            + "(?<sq>\\d+)/(?<bq>\\d+)";
        static final List<String> HEAD_FIELDS = List.of("ci", "cp", "date", "ft", "b", "s");
        static final List<String> COUNTER_FIELDS = List.of("ac", "fc", "bc", "sc", "rc", "sq", "bq");
        /** What two runs of one scenario may disagree on: when it happened and the client's ephemeral port. */
        static final List<String> VARYING = List.of("cp", "date", "TR", "Tw", "Tc", "Tr", "Ta", "Tt");
    }

    private final Pattern pattern;
    private final List<String> names;

    LogLine(String body, List<String> bodyFields) {
        this.pattern = Pattern.compile(Parts.HEAD + body.replace("%COUNTERS%", Parts.COUNTERS));
        this.names = new java.util.ArrayList<>(Parts.HEAD_FIELDS);
        this.names.addAll(bodyFields);
        this.names.addAll(Parts.COUNTER_FIELDS);
    }

    @Override
    public Map<String, String> fields(String line) {
        Matcher m = pattern.matcher(line);
        assertTrue(m.matches(), "not " + name() + ": " + line);
        Map<String, String> values = new LinkedHashMap<>();
        names.forEach(n -> values.put(n, m.group(n)));
        return values;
    }

    /** Timers only as reached or not (-1). */
    @Override
    public Map<String, String> comparable(String line) {
        Map<String, String> values = fields(line);
        for (String field : Parts.VARYING) {
            values.computeIfPresent(field, (k, v) -> k.startsWith("T") ? (v.equals("-1") ? "-1" : "reached") : "*");
        }
        return values;
    }
}
