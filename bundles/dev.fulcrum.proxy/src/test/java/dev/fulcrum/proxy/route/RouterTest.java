package dev.fulcrum.proxy.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.api.model.proxy.Acl;
import dev.fulcrum.api.model.proxy.BackendRule;
import dev.fulcrum.api.model.proxy.Condition;
import dev.fulcrum.api.model.proxy.Criterion;
import dev.fulcrum.api.model.proxy.Criterion.Fetch;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.proxy.testing.Models;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterTest {

    private record Request(String source, String verb, String target, Map<String, String> headers)
            implements RequestContext {
        @Override
        public InetAddress sourceAddress() {
            try {
                return InetAddress.getByName(source);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int sourcePort() {
            return 40000;
        }

        @Override
        public InetAddress destinationAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public int destinationPort() {
            return 80;
        }

        @Override
        public Optional<String> path() {
            return Optional.ofNullable(target);
        }

        @Override
        public Optional<String> method() {
            return Optional.ofNullable(verb);
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase()));
        }
    }

    private static Router router(List<Acl> acls, List<BackendRule> rules) {
        Frontend frontend = Models.frontend("web", Mode.HTTP, List.of(Models.bind("127.0.0.1", 80)), "app",
                Timeouts.NONE, 0, acls, rules, ProxyOptions.DEFAULT);
        return new Router(frontend);
    }

    private static BackendRule rule(String backend, boolean unless, String... acls) {
        return new BackendRule(backend, new Condition(unless, List.of(acls)));
    }

    private static Request get(String path) {
        return new Request("192.0.2.7", "GET", path, Map.of("host", "Static.Example.com"));
    }

    @Test
    void firstMatchingRuleWinsElseTheDefault() {
        Router router = router(List.of(
                new Acl("is_static", Criterion.of(Fetch.PATH_BEG), false, List.of("/static/", "/img/")),
                new Acl("is_api", Criterion.of(Fetch.PATH_END), false, List.of(".json"))),
                List.of(rule("static", false, "is_static"), rule("api", false, "is_api")));

        assertEquals(Optional.of("static"), router.route(get("/img/logo.png")));
        assertEquals(Optional.of("api"), router.route(get("/v1/users.json")));
        assertEquals(Optional.of("app"), router.route(get("/index.html")));
    }

    @Test
    void andNegationUnlessAndOredAclLines() {
        Router router = router(List.of(
                new Acl("host_static", Criterion.header(Fetch.HDR, "host"), true, List.of("static.example.com")),
                new Acl("post", Criterion.of(Fetch.METHOD), false, List.of("POST")),
                new Acl("post", Criterion.of(Fetch.METHOD), false, List.of("PUT")),
                new Acl("local", Criterion.of(Fetch.SRC), false, List.of("10.0.0.0/8", "192.0.2.0/28"))),
                List.of(rule("static", false, "host_static", "!post"), rule("internal", true, "local")));

        assertEquals(Optional.of("static"), router.route(get("/")));
        Request put = new Request("192.0.2.7", "PUT", "/", Map.of("host", "static.example.com"));
        assertEquals(Optional.of("app"), router.route(put), "PUT is in the ORed 'post' ACL, local source");
        Request outside = new Request("198.51.100.1", "PUT", "/", Map.of());
        assertEquals(Optional.of("internal"), router.route(outside), "unless local");
    }

    @Test
    void withoutAPathOrHeaderOnlySourceAclsCanMatch() {
        Router router = router(List.of(new Acl("p", Criterion.of(Fetch.PATH), false, List.of("/"))),
                List.of(rule("other", false, "p")));
        Request tcp = new Request("192.0.2.7", null, null, Map.of());
        assertEquals(Optional.of("app"), router.route(tcp));
    }

    @Test
    void aBadSourceNetworkIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> router(
                List.of(new Acl("bad", Criterion.of(Fetch.SRC), false, List.of("10.0.0.0/33"))), List.of()));
        assertEquals("prefix length out of range in '10.0.0.0/33'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Network.parse("example.com"));
        assertEquals("not an IP address or network: 'example.com'", e.getMessage());
    }
}
