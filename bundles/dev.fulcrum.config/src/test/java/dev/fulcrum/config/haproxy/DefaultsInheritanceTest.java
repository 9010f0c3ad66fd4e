package dev.fulcrum.config.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.config.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** configuration.txt 4 "Proxies": the last defaults before a proxy, or the one named with 'from'. */
class DefaultsInheritanceTest {

    private static HaproxySyntax.Result parse(String text) {
        return HaproxySyntax.parse(Path.of("i.cfg"), text, Map.of());
    }

    /** The defaults lines that apply to the proxy, as "keyword arg..." strings. */
    private static List<String> inherited(HaproxySyntax.Result result, String proxy) {
        Section section = result.sections().stream().filter(s -> s.kind().isProxy() && s.name().equals(proxy))
                .findFirst().orElseThrow();
        return result.defaultsFor(section).stream()
                .map(line -> line.keyword() + line.arguments().stream().map(t -> " " + t.text()).collect(Collectors.joining()))
                .collect(Collectors.toList());
    }

    private static List<String> formatted(HaproxySyntax.Result result) {
        return result.problems().stream().map(ConfigProblem::format).collect(Collectors.toList());
    }

    @Test
    void aProxyUsesTheLastDefaultsBeforeIt() {
        HaproxySyntax.Result result = parse("backend early\n"
                + "defaults\n  mode http\n  timeout client 1m\n"
                + "frontend one\n"
                + "defaults\n  mode tcp\n"
                + "backend two\n listen three\n");
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(), inherited(result, "early"));
        assertEquals(List.of("mode http", "timeout client 1m"), inherited(result, "one"));
        // a later defaults section resets everything: 'timeout client 1m' does not carry over
        assertEquals(List.of("mode tcp"), inherited(result, "two"));
        assertEquals(List.of("mode tcp"), inherited(result, "three"));
    }

    @Test
    void fromNamesAnEarlierDefaultsSectionAndChains() {
        HaproxySyntax.Result result = parse("defaults tcp\n  mode tcp\n  timeout client 1m\n"
                + "defaults http from tcp\n  mode http\n"
                + "defaults other\n  mode tcp\n  retries 9\n"
                + "frontend web from http\n"
                + "backend raw from tcp\n");
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("mode tcp", "timeout client 1m", "mode http"), inherited(result, "web"));
        assertEquals(List.of("mode tcp", "timeout client 1m"), inherited(result, "raw"));
        DefaultsInheritance.Inherited web = result.defaults().get(0);
        assertEquals(List.of("tcp", "http"), web.defaultsChain().stream().map(Section::name).collect(Collectors.toList()));
        assertEquals(List.of("web", "raw"), result.defaults().stream().map(i -> i.proxy().name()).collect(Collectors.toList()));
    }

    @Test
    void anUnknownFromNameIsAnErrorAtItsToken() {
        HaproxySyntax.Result result = parse("defaults base\nfrontend a from nope\nbackend b from later\n"
                + "defaults later\n");
        assertEquals(List.of(
                "i.cfg:2:17: error: 'nope': defaults section 'nope' not found for frontend 'a'",
                "i.cfg:3:16: error: 'later': defaults section 'later' not found for backend 'b': it is declared later,"
                        + " at i.cfg:4:1, and 'from' can only name an earlier defaults section"),
                formatted(result));
        assertEquals(List.of(), inherited(result, "a"));
    }

    @Test
    void aNameUsedWithFromMustBeUniqueAndValid() {
        HaproxySyntax.Result result = parse("defaults d\ndefaults d\ndefaults a/b\nfrontend x from d\n"
                + "frontend y from a/b\n");
        assertEquals(List.of(
                "i.cfg:4:17: error: 'd': ambiguous defaults section name 'd' referenced by frontend 'x': defaults"
                        + " sections at i.cfg:1:1 and i.cfg:2:1 have that name",
                "i.cfg:5:18: error: 'a/b': character '/' is not permitted in a defaults section name referenced"
                        + " with 'from': use letters, digits, '-', '_', '.' and ':'"),
                formatted(result));
    }

    @Test
    void duplicateDefaultsNamesAreFineWhileNothingNamesThem() {
        assertEquals(List.of(), parse("defaults d\ndefaults d\nfrontend x\n").problems());
    }

    @Test
    void mixingExplicitAndImplicitUseIsAWarning() {
        HaproxySyntax.Result result = parse("defaults d\n  mode http\nfrontend a from d\nfrontend b\n");
        assertEquals(List.of("i.cfg:4:1: warning: 'd': defaults 'd' (declared at i.cfg:1:1) is both named with"
                + " 'from' and used implicitly as the last defaults section; don't mix both: add a last defaults"
                + " section that no 'from' names, or always use 'from'"), formatted(result));
        assertEquals(List.of("mode http"), inherited(result, "b"));
    }
}
