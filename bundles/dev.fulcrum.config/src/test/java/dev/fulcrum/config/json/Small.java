package dev.fulcrum.config.json;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.model.DesiredState;

/** The small model of the golden file json/small.json: json/small-keepalived.conf and json/small-haproxy.cfg. */
final class Small {

    private Small() {
    }

    static DesiredState model() throws ConfigException {
        return Corpora.keepalived("../json/small-keepalived.conf").withProxy(Corpora.haproxy("../json/small-haproxy.cfg"));
    }

    static String golden() {
        return Corpora.text("json/small.json");
    }
}
