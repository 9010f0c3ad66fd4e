package dev.fulcrum.config.haproxy.model;

import static dev.fulcrum.config.haproxy.model.Fixtures.load;
import static dev.fulcrum.config.haproxy.model.Fixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.HeaderCapture;
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.LogFormatNode;
import dev.fulcrum.api.model.proxy.LogFormatNode.Field;
import dev.fulcrum.api.model.proxy.LogFormatNode.Separator;
import dev.fulcrum.api.model.proxy.LogFormatNode.Text;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.LogVariable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 4.2 "log-format" (8.2.6) and "capture request|response header": the model and the located errors. */
class LogFormatLinesTest {

    private static final String F = "/etc/haproxy/haproxy.cfg";

    /** A frontend 'fe' in http mode with {@code lines} after its bind (line 4 on). */
    private static String frontend(String... lines) {
        return "frontend fe\n    mode http\n    bind :80\n"
                + String.join("", java.util.Arrays.stream(lines).map(l -> "    " + l + "\n").toList())
                + "    default_backend be\nbackend be\n    mode http\n    server s1 10.0.0.1:80\n";
    }

    private static LogSettings log(String text) throws ConfigException {
        Frontend fe = load(text).config().frontends().get(0);
        return fe.log();
    }

    @Test
    void variablesFlagsTextAndSeparators() throws ConfigException {
        LogSettings log = log(frontend("log-format \"%{+Q}o%ci:%cp  [%{-Q,+X}t]\\ %%%r %{+E}HU%Tq\""));
        assertEquals(LogFormat.CUSTOM, log.format());
        List<LogFormatNode> expected = List.of(new Field(LogVariable.CLIENT_IP, true, false, false), new Text(":"),
                new Field(LogVariable.CLIENT_PORT, true, false, false), new Separator(), new Text("["),
                new Field(LogVariable.ACCEPT_DATE, false, true, false), new Text("]"), new Separator(), new Text("%"),
                new Field(LogVariable.REQUEST_LINE, true, false, false), new Separator(),
                new Field(LogVariable.HTTP_URI, true, false, true), new Field(LogVariable.REQUEST_TIME_WITH_IDLE, true,
                        false, false));
        assertEquals(expected, log.custom().orElseThrow().nodes());
        assertEquals("%{+Q}o%ci:%cp  [%{-Q,+X}t] %%%r %{+E}HU%Tq", log.custom().orElseThrow().source());
    }

    @Test
    void everyVariableOfTheTableParses() throws ConfigException {
        StringBuilder format = new StringBuilder();
        for (LogVariable variable : LogVariable.values()) {
            format.append("%").append(variable.code()).append("\\ ");
        }
        List<LogFormatNode> nodes = log(frontend("log-format " + format)).custom().orElseThrow().nodes();
        assertEquals(2 * LogVariable.values().length, nodes.size());
        for (int i = 0; i < LogVariable.values().length; i++) {
            assertEquals(Field.plain(LogVariable.values()[i]), nodes.get(2 * i));
        }
    }

    @Test
    void theLastOfLogFormatAndOptionHttplogWins() throws ConfigException {
        assertEquals(LogFormat.HTTP, log(frontend("log-format %ci", "option httplog")).format());
        assertTrue(log(frontend("log-format %ci", "option httplog")).custom().isEmpty());
        assertEquals(LogFormat.CUSTOM, log(frontend("option httplog", "log-format %ci")).format());
        assertEquals(LogFormat.TCP, log(frontend("log-format %ci", "option tcplog")).format());
        // A defaults section's log-format, replaced by the frontend's option, and inherited when not.
        String defaults = "defaults\n    mode http\n    log-format %ci\n";
        assertEquals(LogFormat.HTTP, log(defaults + frontend("option httplog")).format());
        assertEquals(List.of(Field.plain(LogVariable.CLIENT_IP)), log(defaults + frontend()).custom().orElseThrow().nodes());
    }

    @Test
    void capturesInFileOrder() throws ConfigException {
        LogSettings log = log(frontend("capture request header Host len 10", "capture response header Server len 5",
                "capture request header X-Forwarded-For len 15"));
        assertEquals(List.of(new HeaderCapture("Host", 10), new HeaderCapture("X-Forwarded-For", 15)),
                log.requestCaptures());
        assertEquals(List.of(new HeaderCapture("Server", 5)), log.responseCaptures());
        assertEquals(List.of(), load(frontend("capture request header Host len 10")).config().backends().get(0).log()
                .requestCaptures());
    }

    @Test
    void unknownAndUnsupportedVariablesAreLocated() {
        assertEquals(List.of(F + ":4:21: error: '%foo': no such log-format variable %foo (configuration.txt 8.2.6);"
                + " write '%%' for a verbatim '%'"), problems(frontend("log-format \"%ci %foo\"")));
        assertEquals(List.of(F + ":4:16: error: '%sslv': log-format variable %sslv is not supported by Fulcrum"),
                problems(frontend("log-format %sslv")));
        assertEquals(List.of(F + ":4:19: error: '%[src]': sample expressions in log-format are not supported by"
                + " Fulcrum: expected a % variable of configuration.txt 8.2.6 such as %hr for captured request"
                + " headers"), problems(frontend("log-format %ci%[src]")));
        assertEquals(List.of(F + ":4:19: error: '%': a log-format variable name must follow '%' (write '%%' for a"
                + " verbatim '%')"), problems(frontend("log-format 100%")));
    }

    @Test
    void httpOnlyVariablesAreRefusedInATcpFrontend() throws ConfigException {
        String tcp = "defaults\n    mode tcp\n    log-format \"%ci %r %ts %Tq\"\nfrontend fe\n    bind :80\n"
                + "    default_backend be\nbackend be\n    server s1 10.0.0.1:80\n";
        assertEquals(List.of(F + ":3:5: error: '%r': format variable 'r' is reserved for HTTP mode: frontend 'fe' is in"
                + " tcp mode", F + ":3:5: error: '%Tq': format variable 'Tq' is reserved for HTTP mode: frontend 'fe'"
                + " is in tcp mode"), problems(tcp));
        // A backend does not log: its inherited format is not checked (it is unused).
        assertEquals(LogFormat.CUSTOM, load(tcp.replace("%r %ts %Tq", "%ts")).config().backends().get(0).log().format());
    }

    @Test
    void badFlagsAreLocated() {
        assertEquals(List.of(F + ":4:21: error: '+Z': unknown log-format flag '+Z': expected +Q, -Q, +X, -X, +E or -E"),
                problems(frontend("log-format %{+Q,+Z}r")));
        assertEquals(List.of(F + ":4:17: error: '{': unclosed '{' in log-format: expected flags such as %{+Q}r"),
                problems(frontend("log-format %{+Q")));
    }

    @Test
    void unescapedSpacesAreAnError() {
        assertEquals(List.of(F + ":4:20: error: '%cp': 'log-format' expects one argument: escape the spaces of the"
                + " format ('\\ ') or put it in double quotes"), problems(frontend("log-format %ci %cp")));
        assertEquals(List.of(F + ":4:15: error: missing argument for 'log-format': expected a format string such"
                + " as \"%ci:%cp [%tr] %ST %r\""), problems(frontend("log-format")));
    }

    @Test
    void badCaptureLines() {
        assertEquals(List.of(F + ":4:32: error: missing argument for 'capture request header': expected 'len LENGTH'"
                + " after the name"), problems(frontend("capture request header Host")));
        assertEquals(List.of(F + ":4:37: error: '0': out of range: expected an integer from 1 to 2147483647"),
                problems(frontend("capture request header Host len 0")));
        assertEquals(List.of(F + ":4:33: error: 'size': expected 'len LENGTH' after the header name"),
                problems(frontend("capture request header Host size 4")));
        assertEquals(List.of(F + ":4:13: error: 'body': unknown capture: expected 'request header NAME len LENGTH'"
                + " or 'response header NAME len LENGTH'"), problems(frontend("capture body x len 3")));
        assertEquals(List.of(F + ":4:5: error: 'capture': 'capture' is not allowed in a defaults section"),
                problems("defaults\n    mode http\n    timeout client 1s\n    capture request header Host len 3\n"
                        + frontend().replace("frontend fe\n", "frontend fe\n")));
        assertEquals(List.of(F + ":4:13: error: 'capture cookie': unsupported keyword in frontend 'fe'"),
                problems(frontend("capture cookie SRV len 32")));
    }
}
