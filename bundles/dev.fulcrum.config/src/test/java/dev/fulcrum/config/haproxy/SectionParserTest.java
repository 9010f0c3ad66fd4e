package dev.fulcrum.config.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Sections and lines: configuration.txt 2.1 rules 6-7, 4 "Proxies". */
class SectionParserTest {

    private static HaproxySyntax.Result parse(String text) {
        return HaproxySyntax.parse(Path.of("h.cfg"), text, Map.of());
    }

    private static HaproxySyntax.Result parseLenient(String text) {
        return HaproxySyntax.parse(Path.of("h.cfg"), text, Map.of(), true);
    }

    private static List<String> formatted(HaproxySyntax.Result result) {
        return result.problems().stream().map(ConfigProblem::format).collect(Collectors.toList());
    }

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(Token::text).collect(Collectors.toList());
    }

    @Test
    void statementsBelongToTheSectionAboveThem() {
        HaproxySyntax.Result result = parse("global\n  daemon\n\n# web\nfrontend www\n  mode http\n"
                + "  timeout client 30s\nbackend app\n  server a1 10.0.0.1:80 check\n");
        assertEquals(List.of(), result.problems());
        List<Section> sections = result.sections();
        assertEquals(List.of(SectionKind.GLOBAL, SectionKind.FRONTEND, SectionKind.BACKEND),
                sections.stream().map(Section::kind).collect(Collectors.toList()));
        assertEquals(List.of("", "www", "app"), sections.stream().map(Section::name).collect(Collectors.toList()));
        Line timeout = sections.get(1).lines().get(1);
        assertEquals("timeout", timeout.keyword());
        assertEquals(List.of("client", "30s"), texts(timeout.arguments()));
        assertEquals("h.cfg:7:3", timeout.location().toString());
        assertEquals("h.cfg:5:1", sections.get(1).location().toString());
        assertEquals(Optional.empty(), sections.get(1).from());
    }

    @Test
    void commentsAndBlanksMayHideSectionsAnywhereOnALine() {
        // the doc's own "strictly equivalent" example (2.1)
        HaproxySyntax.Result result = parse("    global#this is the global section\n daemon#daemonize\n"
                + "    frontend         foo\n mode             http   # or tcp\n");
        assertEquals(List.of(), result.problems());
        assertEquals("foo", result.sections().get(1).name());
        assertEquals("mode", result.sections().get(1).lines().get(0).keyword());
        assertEquals(List.of("http"), texts(result.sections().get(1).lines().get(0).arguments()));
    }

    @Test
    void crlfLineEndingsAndAByteOrderMarkAreAccepted() {
        HaproxySyntax.Result result = parse("\uFEFFglobal\r\n  maxconn 4000\r\n");
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("4000"), texts(result.sections().get(0).lines().get(0).arguments()));
    }

    @Test
    void theShortFormKeepsTheListeningAddressesOfTheSectionLine() {
        HaproxySyntax.Result result = parse("frontend http_web *:80\nlisten both 10.0.0.1:80,10.0.0.1:81 :8080\n");
        Section frontend = result.sections().get(0);
        assertEquals("http_web", frontend.name());
        assertEquals(List.of("*:80"), texts(frontend.headerArguments()));
        assertEquals("h.cfg:1:19", frontend.headerArguments().get(0).location().toString());
        assertEquals(List.of("10.0.0.1:80,10.0.0.1:81", ":8080"), texts(result.sections().get(1).headerArguments()));
        assertFalse(result.hasErrors());
        assertEquals("h.cfg:1:19: warning: '*:80': listening address on the 'frontend' line: HAProxy 1.x short"
                + " form of 'bind', which HAProxy 2.6 rejects; Fulcrum accepts it", formatted(result).get(0));
    }

    @Test
    void fromNamesTheDefaultsSection() {
        HaproxySyntax.Result result = parse("defaults base\ndefaults web from base\nbackend b from web\n");
        assertEquals(List.of(), result.problems());
        assertEquals("base", result.sections().get(1).from().orElseThrow().text());
        assertEquals("web", result.sections().get(1).name());
        assertEquals("h.cfg:3:16", result.sections().get(2).from().orElseThrow().location().toString());
        HaproxySyntax.Result unnamed = parse("defaults base\ndefaults from base\n");
        assertEquals("", unnamed.sections().get(1).name());
        assertEquals("base", unnamed.sections().get(1).from().orElseThrow().text());
    }

    @Test
    void headerMistakesAreReportedAtTheWord() {
        HaproxySyntax.Result result = parse("global foo\nfrontend\nbackend x/y\nbackend c from\n"
                + "backend f 10.0.0.1:80\ndefaults d\nbackend e from d extra\n");
        assertEquals(List.of(
                "h.cfg:1:8: error: 'foo': unexpected argument: 'global' takes none",
                "h.cfg:2:1: error: 'frontend': 'frontend' expects a name",
                "h.cfg:3:10: error: 'x/y': character '/' is not permitted in a backend name: use letters, digits,"
                        + " '-', '_', '.' and ':'",
                "h.cfg:4:11: error: 'from': 'from' expects the name of a defaults section",
                "h.cfg:5:11: warning: '10.0.0.1:80': unexpected argument on the 'backend' line is ignored, as"
                        + " HAProxy 2.6 ignores it",
                "h.cfg:7:18: error: 'extra': unexpected argument after 'from d' on the 'backend' line"),
                formatted(result));
        assertEquals(List.of(), result.sections().get(4).headerArguments());
    }

    @Test
    void statementsBeforeAnySectionAreErrors() {
        HaproxySyntax.Result result = parse("maxconn 10\n\nglobal\n  maxconn 20\n");
        assertEquals(List.of("h.cfg:1:1: error: 'maxconn': unknown keyword out of section: a haproxy.cfg statement"
                + " must follow a section keyword such as global, defaults, frontend, backend or listen"),
                formatted(result));
        assertEquals(1, result.sections().get(0).lines().size());
    }

    @Test
    void unsupportedSectionsAreReportedOnceAndKeepTheirLines() {
        String text = "peers mypeers\n  peer haproxy1 192.168.0.1:1024\nresolvers dns\n  nameserver a 1.1.1.1:53\n"
                + "userlist u\nmailers m\nprogram p\nhttp-errors e\nring r\ncache c\nlog-forward l\nfcgi-app f\n"
                + "namespace_list\nbackend app\n";
        HaproxySyntax.Result strict = parse(text);
        assertEquals(11, strict.problems().size());
        assertTrue(strict.hasErrors());
        assertEquals("h.cfg:1:1: error: 'peers': unsupported keyword in haproxy.cfg: Fulcrum supports the global,"
                + " defaults, frontend, backend and listen sections", formatted(strict).get(0));
        Section peers = strict.sections().get(0);
        assertEquals(SectionKind.PEERS, peers.kind());
        assertEquals("mypeers", peers.name());
        assertEquals("peer", peers.lines().get(0).keyword());
        assertEquals(SectionKind.BACKEND, strict.sections().get(11).kind());
        HaproxySyntax.Result lenient = parseLenient(text);
        assertFalse(lenient.hasErrors());
        assertEquals(ConfigProblem.Severity.WARNING, lenient.problems().get(10).severity());
        assertTrue(formatted(lenient).get(10).endsWith("(ignored: --lenient)"));
    }

    @Test
    void directivesAreHandledOrRejected() {
        HaproxySyntax.Result result = parseLenient("global\n.notice \"hello\"\n.warning \"check me\"\n"
                + ".alert \"stop\"\n.if defined(X)\n.endif\n.bogus\n.notice a b\n");
        assertEquals(List.of(
                "h.cfg:3:1: warning: '.warning': check me",
                "h.cfg:4:1: error: '.alert': stop",
                "h.cfg:5:1: error: '.if': conditional blocks (configuration.txt 2.4) are not supported: resolve them"
                        + " before loading this file",
                "h.cfg:6:1: error: '.endif': conditional blocks (configuration.txt 2.4) are not supported: resolve"
                        + " them before loading this file",
                "h.cfg:7:1: error: '.bogus': unknown directive: expected .if, .elif, .else, .endif, .diag, .notice,"
                        + " .warning or .alert",
                "h.cfg:8:11: error: 'b': unexpected argument for '.notice': quote the message if it contains spaces"),
                formatted(result));
        assertEquals(List.of(), result.sections().get(0).lines());
    }

    @Test
    void aLineStartingWithAnEmptyWordIsIgnoredLikeHaproxyDoes() {
        HaproxySyntax.Result result = parse("global\n  \"\" maxconn 1\n");
        assertEquals(List.of("h.cfg:2:3: warning: the line starts with an empty word and is ignored, as HAProxy does"),
                formatted(result));
        assertEquals(List.of(), result.sections().get(0).lines());
    }

    @Test
    void pseudoVariablesNameTheFileLineAndSection() {
        HaproxySyntax.Result result = HaproxySyntax.parse(Path.of("/etc/haproxy/haproxy.cfg"),
                "backend app\n  server \"s${.LINE}\" \"${ADDR-127.0.0.1}:80\"\n  description \"${.SECTION} in ${.FILE}\"\n",
                Map.of("ADDR", "10.0.0.9"));
        List<Line> lines = result.sections().get(0).lines();
        assertEquals(List.of("s2", "10.0.0.9:80"), texts(lines.get(0).arguments()));
        assertEquals(List.of("app in /etc/haproxy/haproxy.cfg"), texts(lines.get(1).arguments()));
    }

    @Test
    void theEnvironmentComesOnlyFromTheCaller() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("PATH") != null, "needs PATH in the process environment");
        HaproxySyntax.Result result = parse("global\n  chroot \"[${PATH}]\"\n");
        assertEquals("[]", result.sections().get(0).lines().get(0).arguments().get(0).text());
    }

    @Test
    void aResultWithErrorsThrowsEveryProblemOnDemand() throws dev.fulcrum.api.config.ConfigException {
        HaproxySyntax.Result bad = parse("maxconn 1\nbackend a\nbackend a\n");
        dev.fulcrum.api.config.ConfigException thrown = org.junit.jupiter.api.Assertions.assertThrows(
                dev.fulcrum.api.config.ConfigException.class, bad::sectionsOrThrow);
        assertEquals(2, thrown.problems().size());
        HaproxySyntax.Result good = parse("frontend a 1.2.3.4:80\nbackend a\nbackend b\n");
        assertEquals(3, good.sectionsOrThrow().size());
        assertEquals(List.of("a", "b"), good.sections(SectionKind.BACKEND).stream().map(Section::name)
                .collect(Collectors.toList()));
        assertEquals("h.cfg:2:1", good.section(SectionKind.BACKEND, "a").orElseThrow().location().toString());
        assertEquals(Optional.empty(), good.section(SectionKind.LISTEN, "a"));
    }
}
