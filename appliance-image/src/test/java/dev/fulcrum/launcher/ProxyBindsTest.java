package dev.fulcrum.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyBindsTest {

    @Test
    void bindLinesAndTheFrontendShortFormOutsideComments() {
        assertEquals(List.of("127.0.0.1:8080", "[::1]:8443", ":9000"), ProxyBinds.binds(List.of(
                "frontend web",
                "    bind 127.0.0.1:8080   # the demo",
                "    bind [::1]:8443 ssl crt /etc/x.pem",
                "#   bind 10.0.0.1:80",
                "listen stats :9000",
                "backend app")));
    }

    @Test
    void describesTheFileOrItsAbsence(@TempDir Path conf) throws Exception {
        assertTrue(ProxyBinds.describe(conf).startsWith("no haproxy.cfg"));
        Files.writeString(conf.resolve("haproxy.cfg"), "frontend web 127.0.0.1:8080\n");
        assertEquals("127.0.0.1:8080 (proxy, from " + conf.resolve("haproxy.cfg") + ")", ProxyBinds.describe(conf));
    }
}
