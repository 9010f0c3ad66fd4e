package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.os.Command;
import dev.fulcrum.config.keepalived.model.KeepalivedConfigs;
import dev.fulcrum.vrrp.runtime.TrackingRules.Effect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appendix A's chk_haproxy ({@code script "killall -0 haproxy"}, interval 2, weight 2) read as written
 * and run through dev.fulcrum.os without a shell, and the built-in track_subsystem that replaces it
 * moving the priority the same way.
 */
class AppendixATrackingTest {

    private static final String INSTANCE = """
            vrrp_instance VI_1 {
                interface eth0
                state MASTER
                virtual_router_id 51
                priority 101
                virtual_ipaddress {
                    192.168.122.200
                }
            %s}
            """;

    private static VrrpConfig read(Path dir, String text) throws Exception {
        Path file = dir.resolve("keepalived.conf");
        Files.writeString(file, text);
        return KeepalivedConfigs.read(file, Set.of(), false).vrrp();
    }

    @Test
    void chkHaproxyRunsKillallWithoutAShellAndWeighsTwo(@TempDir Path dir) throws Exception {
        VrrpConfig config = read(dir, """
                vrrp_script chk_haproxy {
                    script "killall -0 haproxy"
                    interval 2
                    weight 2
                }
                """ + INSTANCE.formatted("    track_script {\n        chk_haproxy\n    }\n"));
        Command command = ScriptTracker.command(config.scripts().get(0));
        assertEquals(List.of("killall", "-0", "haproxy"), command.argv());
        assertEquals(Duration.ofSeconds(2), command.timeout());
        VrrpInstance instance = config.instances().get(0);
        TrackingRules rules = new TrackingRules(config);
        assertEquals(new Effect(103, Set.of()), rules.effect(instance, Map.of("chk_haproxy", true), Set.of(), Map.of(), Map.of()));
        assertEquals(new Effect(101, Set.of()), rules.effect(instance, Map.of("chk_haproxy", false), Set.of(), Map.of(), Map.of()));
    }

    @Test
    void trackSubsystemProxyWeighsTheSameWithoutAScript(@TempDir Path dir) throws Exception {
        VrrpConfig config = read(dir, INSTANCE.formatted("    track_subsystem {\n        proxy weight 2\n    }\n"));
        VrrpInstance instance = config.instances().get(0);
        TrackingRules rules = new TrackingRules(config);
        assertEquals(new Effect(103, Set.of()), rules.effect(instance, Map.of(), Set.of(), Map.of("proxy", true), Map.of()));
        assertEquals(new Effect(101, Set.of()), rules.effect(instance, Map.of(), Set.of(), Map.of("proxy", false), Map.of()));
    }

    @Test
    void trackSubsystemWithoutWeightIsAFaultWhileFailing(@TempDir Path dir) throws Exception {
        VrrpConfig config = read(dir, INSTANCE.formatted("    track_subsystem {\n        proxy\n    }\n"));
        VrrpInstance instance = config.instances().get(0);
        TrackingRules rules = new TrackingRules(config);
        assertEquals(new Effect(101, Set.of()), rules.effect(instance, Map.of(), Set.of(), Map.of(), Map.of()), "not read yet");
        assertEquals(new Effect(101, Set.of("subsystem proxy")),
                rules.effect(instance, Map.of(), Set.of(), Map.of("proxy", false), Map.of()));
        assertEquals(new Effect(101, Set.of()), rules.effect(instance, Map.of(), Set.of(), Map.of("proxy", true), Map.of()));
    }

    @Test
    void aNegativeWeightLowersThePriorityWhileFailing(@TempDir Path dir) throws Exception {
        VrrpConfig config = read(dir, INSTANCE.formatted("    track_subsystem {\n        proxy weight -50\n    }\n"));
        TrackingRules rules = new TrackingRules(config);
        assertEquals(new Effect(51, Set.of()),
                rules.effect(config.instances().get(0), Map.of(), Set.of(), Map.of("proxy", false), Map.of()));
    }
}
