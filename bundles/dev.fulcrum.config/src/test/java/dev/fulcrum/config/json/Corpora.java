package dev.fulcrum.config.json;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.config.haproxy.model.HaproxyConfigs;
import dev.fulcrum.config.keepalived.model.KeepalivedConfig;
import dev.fulcrum.config.keepalived.model.KeepalivedConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Realistic models: the valid corpora and seed configurations of the keepalived and HAProxy readers. */
final class Corpora {

    static final List<String> KEEPALIVED = List.of("model/full-lvs.conf", "model/full-vrrp.conf",
            "seed-4.1-lb1.corrected.conf", "seed-4.2-dr-master.corrected.conf", "seed-A.3-ceph.corrected.conf");

    static final List<String> HAPROXY = List.of("model/everything.cfg", "model/seed-A.4-corrected.cfg");

    private Corpora() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Corpora.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("missing test resource " + name, e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(resource(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DesiredState keepalived(String name) throws ConfigException {
        KeepalivedConfig config = KeepalivedConfigs.read(resource("keepalived/" + name), Set.of(), false);
        return DesiredState.EMPTY.withKeepalived(config.global(), config.vrrp(), config.lvs());
    }

    static ProxyConfig haproxy(String name) throws ConfigException {
        return HaproxyConfigs.read(Path.of("/etc/haproxy/haproxy.cfg"), text("haproxy/" + name), Map.of(), false);
    }
}
