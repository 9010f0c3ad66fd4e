package dev.fulcrum.syslog.logformat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.proxy.CustomLogFormat;
import dev.fulcrum.api.model.proxy.LogFormatNode;
import dev.fulcrum.api.model.proxy.LogFormatNode.Field;
import dev.fulcrum.api.model.proxy.LogVariable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** log-format lines (configuration.txt 8.2.6), the expected texts as haproxy 2.6.12 wrote them for the same facts. */
class CustomLogFormatterTest {

    private static final SessionDetails DETAILS = new SessionDetails(Optional.of(Facts.client("127.0.0.1", 18081)),
            Optional.of(Facts.client("127.0.0.1", 40040)), Optional.of(Facts.client("127.0.0.1", 18090)), 76, 1, 0);

    /** Nodes from words: "%ci" a plain variable, "%+Q:ci" one with flags, " " a separator, anything else text. */
    private static CustomLogFormat format(String... words) {
        List<LogFormatNode> nodes = new ArrayList<>();
        for (String word : words) {
            if (word.equals(" ")) {
                nodes.add(new LogFormatNode.Separator());
            } else if (word.startsWith("%")) {
                int colon = word.indexOf(':');
                String flags = colon < 0 ? "" : word.substring(1, colon);
                LogVariable variable = LogVariable.of(word.substring(colon < 0 ? 1 : colon + 1)).orElseThrow();
                nodes.add(new Field(variable, flags.contains("Q"), flags.contains("X"), flags.contains("E")));
            } else {
                nodes.add(new LogFormatNode.Text(word));
            }
        }
        return new CustomLogFormat(String.join("", words), nodes);
    }

    private static String render(LogFacts facts, String... words) {
        return new CustomLogFormatter(format(words), true, ZoneId.of("UTC"), "vm", 25317).format(facts, DETAILS);
    }

    @Test
    void theHttplogStringWritesWhatHttpLogFormatterWrites() {
        // configuration.txt 8.2.3: the strict equivalent of "option httplog".
        String[] httplog = {"%ci", ":", "%cp", " ", "[", "%tr", "]", " ", "%ft", " ", "%b", "/", "%s", " ", "%TR", "/",
            "%Tw", "/", "%Tc", "/", "%Tr", "/", "%Ta", " ", "%ST", " ", "%B", " ", "%CC", " ", "%CS", " ", "%tsc", " ",
            "%ac", "/", "%fc", "/", "%bc", "/", "%sc", "/", "%rc", " ", "%sq", "/", "%bq", " ", "%hr", " ", "%hs", " ",
            "%Q:r"};
        HttpLogFormatter reference = new HttpLogFormatter(ZoneId.of("UTC"));
        LogFacts o = Facts.ok();
        LogFacts captured = new LogFacts(o.client(), o.acceptDate(), o.requestDate(), "web", true, "be", Optional.empty(),
                new Timers(-1, -1, -1, -1, 5, 7), 400, 0, 0, TerminationState.of(TerminationCause.CLIENT_ABORT,
                SessionPhase.REQUEST), new Connections(2, 1, 0, 0, 3, true, 0, 4), new Captures(Optional.empty(),
                Optional.empty(), List.of("a|b", ""), List.of("x\"y")), Optional.empty());
        for (LogFacts facts : List.of(o, captured)) {
            assertEquals(reference.format(facts), render(facts, httplog));
        }
    }

    @Test
    void quotedStringsAndAddressesButNotNumbersPortsOrStates() {
        LogFacts f = withCaptures(Facts.ok(), List.of("abcde", "", "two"), List.of("text"));
        assertEquals("\"127.0.0.1\"|54756|411|200|\"127.0.0.1\"|18090|\"127.0.0.1\"|40040|\"\"|\"vm\"|\"GET\"|\"/\"|"
                + "\"HTTP/1.1\"|76|\"{abcde||two}\"|\"abcde\" \"\" \"two\"|\"{text}\"|----|\"fe\"|\"s1\"|\"GET / HTTP/1.1\"",
                render(f, "%Q:ci", "|", "%Q:cp", "|", "%Q:B", "|", "%Q:ST", "|", "%Q:si", "|", "%Q:sp", "|", "%Q:bi", "|",
                        "%Q:bp", "|", "%Q:ID", "|", "%Q:H", "|", "%Q:HM", "|", "%Q:HU", "|", "%Q:HV", "|", "%Q:U", "|",
                        "%Q:hr", "|", "%Q:hrl", "|", "%Q:hs", "|", "%Q:tsc", "|", "%Q:f", "|", "%Q:s", "|", "%Q:r"));
    }

    @Test
    void hexAddressesPortsTimestampCounterAndPid() {
        assertEquals("7F000001|D5E4|6B060B9F|0001|62E5|24/Nov/2026:22:11:43.685", render(Facts.ok(), "%X:ci", "|",
                "%X:cp", "|", "%X:Ts", "|", "%X:rt", "|", "%X:pid", "|", "%X:t"));
    }

    @Test
    void requestPartsEscapedAndWithoutARequest() {
        LogFacts o = Facts.ok();
        LogFacts query = new LogFacts(o.client(), o.acceptDate(), o.requestDate(), o.frontend(), false, o.backend(),
                o.server(), o.timers(), 200, 1, 1, o.termination(), o.connections(), Captures.NONE,
                Optional.of("GET http://h.example/p/a?x=1&y=\"2\" HTTP/1.1"));
        assertEquals("GET|http://h.example/p/a?x=1&y=#222#22|http://h.example/p/a|/p/a|?x=1&y=#222#22|HTTP/1.1",
                render(query, "%HM", "|", "%HU", "|", "%HP", "|", "%HPO", "|", "%HQ", "|", "%HV"));
        assertEquals("||\"\"", render(o, "|", "%HQ", "|", "%Q:HQ"));
        LogFacts bad = withCaptures(Facts.with(o, o.termination(), Optional.empty(), o.timers(), 400), List.of(), List.of());
        LogFacts noLine = new LogFacts(bad.client(), bad.acceptDate(), bad.requestDate(), bad.frontend(), false,
                bad.backend(), bad.server(), bad.timers(), 400, 0, 0, bad.termination(), bad.connections(),
                Captures.NONE, Optional.empty());
        assertEquals("<BADREQ>|\"<BADREQ>\"|<BADREQ>|<BADREQ>|<NOSRV>||-", render(noLine, "%HM", "|", "%Q:HU", "|",
                "%HV", "|", "%r", "|", "%s", "|", "%hrl", "|", "%CC"));
    }

    @Test
    void escapeFlagAndEmptyStrings() {
        LogFacts o = Facts.ok();
        LogFacts odd = new LogFacts(o.client(), o.acceptDate(), o.requestDate(), "a\"b]c\\", false, "", o.server(),
                o.timers(), 200, 1, 1, o.termination(), o.connections(), Captures.NONE, o.requestLine());
        assertEquals("a\\\"b\\]c\\\\ - \"\"", render(odd, "%E:f", " ", "%b", " ", "%Q:b"));
    }

    @Test
    void separatorsMergeAndEmptyFieldsLeaveNoDoubleSpace() {
        assertEquals("200 - 100%", render(Facts.ok(), " ", "%ST", " ", "%hr", " ", "%hs", " ", "%CC", " ", "100%"));
    }

    @Test
    void timersCombinedAs826Says() {
        LogFacts o = Facts.ok();
        // Accepted at .685, first byte 10 ms later; TR 2, Tw 1, Tc 3, Tr 4, Ta 20, Tt 30.
        LogFacts f = new LogFacts(o.client(), o.acceptDate(), o.acceptDate().plusMillis(10), "fe", false, "be",
                o.server(), new Timers(2, 1, 3, 4, 20, 30), 200, 1, 1, o.termination(), o.connections(), Captures.NONE,
                o.requestLine());
        // Th Ti Tq TR Tw Tc Tr Td Ta Tt Tu
        assertEquals("0 10 12 2 1 3 4 10 20 30 20", render(f, "%Th", " ", "%Ti", " ", "%Tq", " ", "%TR", " ", "%Tw", " ",
                "%Tc", " ", "%Tr", " ", "%Td", " ", "%Ta", " ", "%Tt", " ", "%Tu"));
        LogFacts unreached = Facts.with(f, o.termination(), Optional.empty(), new Timers(-1, -1, -1, -1, 20, 30), 408);
        assertEquals("-1 -1 -1", render(unreached, "%Tq", " ", "%Td", " ", "%Tr"));
    }

    @Test
    void datesInGmtLocalAndMilliseconds() {
        assertEquals("24/Nov/2026:22:11:43 +0000|25/Nov/2026:07:11:43 +0900|685|1795558303", new CustomLogFormatter(
                format("%T", "|", "%Tl", "|", "%ms", "|", "%Ts"), true, ZoneId.of("Asia/Tokyo"), "vm", 1)
                .format(Facts.ok(), DETAILS));
    }

    private static LogFacts withCaptures(LogFacts o, List<String> request, List<String> response) {
        return new LogFacts(o.client(), o.acceptDate(), o.requestDate(), o.frontend(), o.tls(), o.backend(), o.server(),
                o.timers(), o.status(), o.bytesRead(), o.bytesFromClient(), o.termination(), o.connections(),
                new Captures(Optional.empty(), Optional.empty(), request, response), o.requestLine());
    }
}
