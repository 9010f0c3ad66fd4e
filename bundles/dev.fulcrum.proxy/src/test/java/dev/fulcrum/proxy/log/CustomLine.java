package dev.fulcrum.proxy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The log-format lines of {@code src/test/resources/log/haproxy.cfg}: "log: FRONTEND " then fields
 * separated by '`' (then " end" for the broad one), named here in the order of their format.
 * Fields that differ between two runs (dates, ports the kernel picks, the frontends' own ports,
 * process ids, request counters) are compared by shape (digit runs); timers as reached or not (-1).
 */
enum CustomLine implements LineFormat {
    BROAD(" end", List.of("ci", "cp", "fi", "fp", "si", "sp", "bi", "bp", "t", "tr", "trg", "trl", "T", "Tl", "Ts", "ms",
            "Th", "Ti", "Tq", "TR", "Tw", "Tc", "Tr", "Td", "Ta", "Tt", "Tu", "ST", "B", "U", "CC", "CS", "ts", "tsc", "ac",
            "fc", "bc", "sc", "rc", "sq", "bq", "hr", "hrl", "hs", "hsl", "r", "HM", "HP", "HPO", "HQ", "HU", "HV", "ID",
            "H", "pid", "rt", "lc", "f", "ft", "b", "s", "rPlain", "hrlPlain", "HQPlain", "IDPlain"),
            Set.of("cp", "fp", "bp", "t", "tr", "trg", "trl", "T", "Tl", "Ts", "ms", "pid", "rt")),
    HEX("", List.of("ci", "cp", "ciX", "cpX", "fiX", "fpX", "siX", "spX", "TsX", "rtX", "pidX", "HU", "hr", "tail"),
            Set.of("cp", "cpX", "fpX", "TsX", "rtX", "pidX")),
    TCP("", List.of("ci", "cp", "fi", "fp", "si", "sp", "bi", "bp", "t", "Ts", "ms", "Th", "Tw", "Tc", "Td", "Tt", "Tu",
            "B", "U", "ts", "ac", "fc", "bc", "sc", "rc", "sq", "bq", "f", "ft", "b", "s", "hr", "sQuoted", "lc"),
            Set.of("cp", "fp", "bp", "t", "Ts", "ms"));

    private static final Set<String> TIMERS = Set.of("Th", "Ti", "Tq", "TR", "Tw", "Tc", "Tr", "Td", "Ta", "Tt", "Tu");

    private final String suffix;
    private final List<String> names;
    private final Set<String> varying;

    CustomLine(String suffix, List<String> names, Set<String> varying) {
        this.suffix = suffix;
        this.names = names;
        this.varying = varying;
    }

    @Override
    public Map<String, String> fields(String line) {
        assertTrue(line.startsWith("log: ") && line.endsWith(suffix), "not " + name() + ": " + line);
        String body = line.substring(line.indexOf(' ', "log: ".length()) + 1, line.length() - suffix.length());
        String[] values = body.split("`", -1);
        assertEquals(names.size(), values.length, "fields of " + name() + ": " + line);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("frontend", line.substring("log: ".length(), line.indexOf(' ', "log: ".length())));
        for (int i = 0; i < values.length; i++) {
            fields.put(names.get(i), values[i]);
        }
        return fields;
    }

    @Override
    public Map<String, String> comparable(String line) {
        Map<String, String> fields = fields(line);
        fields.replaceAll((name, value) -> TIMERS.contains(name) ? (value.equals("-1") ? "-1" : "reached")
                : varying.contains(name) ? value.replaceAll("[0-9A-F]+", "#") : value);
        return fields;
    }
}
