package dev.fulcrum.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.SourceLocation;
import org.junit.jupiter.api.Test;

class ProblemCollectorTest {

    private static final SourceLocation AT = new SourceLocation("keepalived.conf", 12, 5);

    @Test
    void everyErrorIsKeptAndFormattedWithItsLocation() {
        ProblemCollector problems = new ProblemCollector(false);
        problems.error(AT, "vrp_instance", "unknown keyword: expected vrrp_instance, vrrp_sync_group");
        problems.unsupported(new SourceLocation("keepalived.conf", 20, 0), "use_vmac", "vrrp_instance");
        ConfigException rejected = assertThrows(ConfigException.class, problems::throwIfErrors);
        assertEquals(2, rejected.problems().size());
        assertEquals("keepalived.conf:12:5: error: 'vrp_instance': unknown keyword: expected vrrp_instance, "
                + "vrrp_sync_group", rejected.problems().get(0).format());
        assertEquals("keepalived.conf:20: error: 'use_vmac': unsupported keyword in vrrp_instance",
                rejected.problems().get(1).format());
    }

    @Test
    void lenientModeTurnsUnsupportedKeywordsIntoWarnings() throws ConfigException {
        ProblemCollector problems = new ProblemCollector(true);
        problems.unsupported(AT, "use_vmac", "vrrp_instance");
        assertFalse(problems.hasErrors());
        problems.throwIfErrors();
        assertEquals("keepalived.conf:12:5: warning: 'use_vmac': unsupported keyword in vrrp_instance "
                + "(ignored: --lenient)", problems.problems().get(0).format());
    }
}
