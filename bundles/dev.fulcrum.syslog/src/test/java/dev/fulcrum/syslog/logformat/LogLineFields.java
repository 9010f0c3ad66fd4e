package dev.fulcrum.syslog.logformat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits an httplog or tcplog line into its named fields with one regex per format, used for both sides. */
final class LogLineFields {

    private static final String DATE = "\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d\\.\\d{3}";
    private static final String HEAD = "(?<ci>[0-9a-f.:]+):(?<cp>\\d+) \\[(?<date>" + DATE + ")\\] (?<ft>\\S+) "
            + "(?<b>[^/ ]+)/(?<s>\\S+) ";
    private static final String COUNTERS = "(?<ac>\\d+)/(?<fc>\\d+)/(?<bc>\\d+)/(?<sc>\\d+)/(?<rc>\\+?\\d+) "
            + "(?<sq>\\d+)/(?<bq>\\d+)";

    static final Pattern HTTPLOG = Pattern.compile(HEAD
            + "(?<TR>-?\\d+)/(?<Tw>-?\\d+)/(?<Tc>-?\\d+)/(?<Tr>-?\\d+)/(?<Ta>-?\\d+) (?<ST>-?\\d+) (?<B>\\d+) "
            + "(?<CC>\\S+) (?<CS>\\S+) (?<tsc>\\S{4}) " + COUNTERS
            + " (?:(?<hr>\\{[^}]*\\}) )?(?:(?<hs>\\{[^}]*\\}) )?(?<r>\".*\")");
    static final List<String> HTTPLOG_FIELDS = List.of("ci", "cp", "date", "ft", "b", "s", "TR", "Tw", "Tc", "Tr", "Ta",
            "ST", "B", "CC", "CS", "tsc", "ac", "fc", "bc", "sc", "rc", "sq", "bq", "hr", "hs", "r");

    static final Pattern TCPLOG = Pattern.compile(HEAD
            + "(?<Tw>-?\\d+)/(?<Tc>-?\\d+)/(?<Tt>-?\\d+) (?<B>\\d+) (?<ts>\\S\\S) " + COUNTERS);
    static final List<String> TCPLOG_FIELDS = List.of("ci", "cp", "date", "ft", "b", "s", "Tw", "Tc", "Tt", "B", "ts",
            "ac", "fc", "bc", "sc", "rc", "sq", "bq");

    /** Timers and dates: the only fields two runs of the same request may legitimately disagree on. */
    static final List<String> TIME_FIELDS = List.of("date", "TR", "Tw", "Tc", "Tr", "Ta", "Tt");

    private LogLineFields() {
    }

    /** The fields of {@code line}, without the time fields. */
    static Map<String, String> parse(Pattern format, List<String> fields, String line) {
        Matcher m = format.matcher(line);
        assertTrue(m.matches(), "does not match " + format + ": " + line);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            if (!TIME_FIELDS.contains(field)) {
                values.put(field, String.valueOf(m.group(field)));
            }
        }
        return values;
    }
}
