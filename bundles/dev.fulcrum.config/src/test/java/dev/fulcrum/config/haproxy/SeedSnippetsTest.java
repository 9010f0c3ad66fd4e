package dev.fulcrum.config.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.internal.ProblemCollector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The haproxy.cfg examples of the seed document (RHEL 7 Load Balancer Administration, chapter 5
 * and appendix A.4), copied verbatim into src/test/resources/haproxy/.
 */
class SeedSnippetsTest {

    private static String resource(String name) {
        try (InputStream in = SeedSnippetsTest.class.getResourceAsStream("/haproxy/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HaproxySyntax.Result parse(String text) {
        return HaproxySyntax.parse(Path.of("/etc/haproxy/haproxy.cfg"), text, Map.of());
    }

    /** "keyword arg1 arg2 ..." for each line. */
    private static List<String> statements(Section section) {
        return section.lines().stream().map(SeedSnippetsTest::statement).collect(Collectors.toList());
    }

    private static String statement(Line line) {
        return line.keyword() + line.arguments().stream().map(t -> " " + t.text()).collect(Collectors.joining());
    }

    private static String describe(Endpoint endpoint) {
        Endpoint.Inet inet = (Endpoint.Inet) endpoint;
        return inet.family() + " " + inet.address().orElseThrow().getHostAddress() + " " + inet.port().kind() + " "
                + inet.port().first();
    }

    private static final String CHAPTER_5 = resource("seed-5.2-global.cfg") + resource("seed-5.3-defaults.cfg")
            + resource("seed-5.4-frontend.cfg") + resource("seed-5.5-backend.cfg");

    @ParameterizedTest
    @ValueSource(strings = {"seed-5.2-global.cfg", "seed-5.3-defaults.cfg", "seed-5.4-frontend.cfg",
        "seed-5.5-backend.cfg", "seed-5.7-log-defaults.cfg"})
    void eachChapter5SnippetParsesWithoutProblems(String name) {
        HaproxySyntax.Result result = parse(resource(name));
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.sections().size());
    }

    @Test
    void chapter5AsOneFile() {
        HaproxySyntax.Result result = parse(CHAPTER_5);
        assertEquals(List.of(), result.problems());
        List<Section> sections = result.sections();
        assertEquals(List.of(SectionKind.GLOBAL, SectionKind.DEFAULTS, SectionKind.FRONTEND, SectionKind.BACKEND),
                sections.stream().map(Section::kind).collect(Collectors.toList()));
        assertEquals(List.of("", "", "main", "app"), sections.stream().map(Section::name).collect(Collectors.toList()));

        assertEquals(List.of("log 127.0.0.1 local2", "maxconn 4000", "user haproxy", "group haproxy", "daemon"),
                statements(sections.get(0)));
        assertEquals(List.of("mode http", "log global", "option httplog", "option dontlognull", "retries 3",
                "timeout http-request 10s", "timeout queue 1m", "timeout connect 10s", "timeout client 1m",
                "timeout server 1m"), statements(sections.get(1)));
        assertEquals(List.of("bind 192.168.0.10:80", "default_backend app"), statements(sections.get(2)));
        assertEquals(List.of("balance roundrobin", "server app1 192.168.1.1:80 check", "server app2 192.168.1.2:80 check",
                "server app3 192.168.1.3:80 check inter 2s rise 4 fall 3", "server app4 192.168.1.4:80 backup"),
                statements(sections.get(3)));

        // the defaults section (unindented in the seed) applies to both proxies
        assertEquals(10, result.defaultsFor(sections.get(2)).size());
        assertEquals(statements(sections.get(1)), result.defaultsFor(sections.get(3)).stream()
                .map(SeedSnippetsTest::statement).collect(Collectors.toList()));
        // locations: the backend's third server line, its 'inter' value
        Line app3 = sections.get(3).lines().get(3);
        assertEquals(new SourceLocation("/etc/haproxy/haproxy.cfg", 25, 3), app3.location());
        assertEquals(new SourceLocation("/etc/haproxy/haproxy.cfg", 25, 42), app3.arguments().get(4).location());
    }

    @Test
    void chapter5ValuesReadWithTheValueParsers() {
        HaproxySyntax.Result result = parse(CHAPTER_5);
        ProblemCollector problems = new ProblemCollector(false);
        Section global = result.sections().get(0);
        Section defaults = result.sections().get(1);
        Section frontend = result.sections().get(2);
        Section backend = result.sections().get(3);

        assertEquals(OptionalInt.of(4000), IntegerValue.parse(global.lines().get(1).arguments().get(0), 1,
                Integer.MAX_VALUE, problems));
        assertEquals(Optional.of(Duration.ofSeconds(10)), TimeValue.parse(defaults.lines().get(5).arguments().get(1), problems));
        assertEquals(Optional.of(Duration.ofMinutes(1)), TimeValue.parse(defaults.lines().get(9).arguments().get(1), problems));
        assertEquals(List.of("IPV4 192.168.0.10 FIXED 80"), AddressParser.parseBind(frontend.lines().get(0).arguments()
                .get(0), problems).stream().map(SeedSnippetsTest::describe).collect(Collectors.toList()));
        List<String> servers = backend.lines().stream().filter(line -> line.keyword().equals("server"))
                .map(line -> line.arguments().get(0).text() + " " + describe(AddressParser.parseServer(
                        line.arguments().get(1), problems).orElseThrow()))
                .collect(Collectors.toList());
        assertEquals(List.of("app1 IPV4 192.168.1.1 FIXED 80", "app2 IPV4 192.168.1.2 FIXED 80",
                "app3 IPV4 192.168.1.3 FIXED 80", "app4 IPV4 192.168.1.4 FIXED 80"), servers);
        List<Token> app3 = backend.lines().get(3).arguments();
        assertEquals(Optional.of(Duration.ofSeconds(2)), TimeValue.parse(app3.get(4), problems));
        assertEquals(OptionalInt.of(4), IntegerValue.parse(app3.get(6), 1, Integer.MAX_VALUE, problems));
        assertEquals(OptionalInt.of(3), IntegerValue.parse(app3.get(8), 1, Integer.MAX_VALUE, problems));
        assertEquals(List.of(), problems.problems());
    }

    @Test
    void chapter5LoggingSnippetsFitTheirSections() {
        HaproxySyntax.Result result = parse("global\n" + resource("seed-5.7-log-global.cfg")
                + resource("seed-5.7-log-defaults.cfg"));
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("log /dev/log local0"), statements(result.sections().get(0)));
        assertEquals(List.of("log global", "option httplog"), statements(result.sections().get(1)));
        Endpoint socket = AddressParser.parseServer(result.sections().get(0).lines().get(0).arguments().get(0),
                new ProblemCollector(false)).orElseThrow();
        assertEquals(new Endpoint.Unix("/dev/log", new SourceLocation("/etc/haproxy/haproxy.cfg", 2, 5)), socket);
    }

    @Test
    void appendixAHaproxyCfg() {
        HaproxySyntax.Result result = parse(resource("seed-A.4-haproxy.cfg"));
        assertFalse(result.hasErrors());
        assertEquals(List.of("/etc/haproxy/haproxy.cfg:1:19: warning: '*:80': listening address on the 'frontend' line:"
                + " HAProxy 1.x short form of 'bind', which HAProxy 2.6 rejects; Fulcrum accepts it"),
                result.problems().stream().map(ConfigProblem::format).collect(Collectors.toList()));
        List<Section> sections = result.sections();
        assertEquals(List.of(SectionKind.FRONTEND, SectionKind.FRONTEND, SectionKind.BACKEND),
                sections.stream().map(Section::kind).collect(Collectors.toList()));
        assertEquals(List.of("http_web", "rgw-https", "rgw"), sections.stream().map(Section::name).collect(Collectors.toList()));

        Section httpWeb = sections.get(0);
        assertEquals(List.of("*:80"), httpWeb.headerArguments().stream().map(Token::text).collect(Collectors.toList()));
        assertEquals(List.of("IPV4 0.0.0.0 FIXED 80"), AddressParser.parseBind(httpWeb.headerArguments().get(0),
                new ProblemCollector(false)).stream().map(SeedSnippetsTest::describe).collect(Collectors.toList()));
        assertEquals(List.of("mode http", "default_backend rgw"), statements(httpWeb));

        // the seed's placeholder '<insert vip ipv4>' is three words, and not an address
        Section https = sections.get(1);
        assertEquals(List.of("bind <insert vip ipv4>:443 ssl crt /etc/ssl/private/example.com.pem", "default_backend rgw"),
                statements(https));
        assertEquals(List.of("<insert", "vip", "ipv4>:443", "ssl", "crt", "/etc/ssl/private/example.com.pem"),
                https.lines().get(0).arguments().stream().map(Token::text).collect(Collectors.toList()));
        ProblemCollector problems = new ProblemCollector(false);
        assertEquals(List.of(), AddressParser.parseBind(https.lines().get(0).arguments().get(0), problems));
        assertEquals("/etc/haproxy/haproxy.cfg:6:8: error: '<insert': invalid character '<' in host name '<insert':"
                + " expected an IP address or a host name of letters, digits, '-', '_' and '.'",
                problems.problems().get(0).format());

        Section rgw = sections.get(2);
        assertEquals(List.of("balance roundrobin", "mode http", "server rgw1 10.0.0.71:80 check",
                "server rgw2 10.0.0.80:80 check"), statements(rgw));
        assertEquals(List.of(), result.defaultsFor(rgw));
    }

    @Test
    void appendixAAfterTheUnchangedGlobalAndDefaultsOfChapter5() {
        // A.4: "haproxy.cfg の global および defaults セクションは変更されません"
        HaproxySyntax.Result result = parse(resource("seed-5.2-global.cfg") + resource("seed-5.3-defaults.cfg")
                + resource("seed-A.4-haproxy.cfg"));
        assertFalse(result.hasErrors());
        assertEquals(List.of("", "", "http_web", "rgw-https", "rgw"),
                result.sections().stream().map(Section::name).collect(Collectors.toList()));
        for (Section proxy : result.sections().subList(2, 5)) {
            assertEquals("timeout server 1m", statement(result.defaultsFor(proxy).get(9)));
        }
    }
}
