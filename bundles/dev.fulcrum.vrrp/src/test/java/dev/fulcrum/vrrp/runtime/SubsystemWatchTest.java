package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.vrrp.TrackedSubsystem;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.status.SubsystemStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** track_subsystem's reads of a fake subsystem registry, one poll at a time (no timer started). */
class SubsystemWatchTest {

    private final Map<String, SubsystemStatus> running = new HashMap<>();
    private final List<String> told = new ArrayList<>();

    private SubsystemWatch watch() {
        return new SubsystemWatch(name -> {
            if (name.equals("broken")) {
                throw new IllegalStateException("status() threw");
            }
            return Optional.ofNullable(running.get(name));
        }, (name, good) -> told.add(name + (good ? " healthy" : " failing")), "test-subsystems");
    }

    private static VrrpConfig tracking(String... names) throws Exception {
        List<TrackedSubsystem> tracked = new ArrayList<>();
        for (String name : names) {
            tracked.add(new TrackedSubsystem(name, 0));
        }
        return new VrrpConfig(List.of(), List.of(LiveChangeTest.instance(100, "e0").withTrackSubsystems(tracked)),
                List.of());
    }

    @Test
    void activeAndDegradedAreHealthyFailedInactiveMissingAndUnreadableAreFailing() throws Exception {
        running.put("proxy", SubsystemStatus.active("proxy", "ok"));
        running.put("ipvs", SubsystemStatus.inactive("ipvs", "no ip_vs"));
        running.put("sched", SubsystemStatus.degraded("sched", "one algorithm missing"));
        running.put("host", SubsystemStatus.failed("host", "boom"));
        try (SubsystemWatch watch = watch()) {
            watch.configure(tracking("proxy", "ipvs", "sched", "host", "deploy", "broken"));
            watch.poll();
            assertEquals(List.of("broken failing", "deploy failing", "host failing", "ipvs failing", "proxy healthy",
                    "sched healthy"), told.stream().sorted().toList());
        }
    }

    @Test
    void onlyChangesAreToldAndAForgottenNameIsToldAgainWhenTrackedAgain() throws Exception {
        running.put("proxy", SubsystemStatus.active("proxy", "ok"));
        try (SubsystemWatch watch = watch()) {
            watch.configure(tracking("proxy"));
            watch.poll();
            watch.poll();
            assertEquals(List.of("proxy healthy"), told);
            running.put("proxy", SubsystemStatus.failed("proxy", "listener died"));
            watch.poll();
            running.remove("proxy"); // the bundle stops: still failing, nothing new to tell
            watch.poll();
            running.put("proxy", SubsystemStatus.degraded("proxy", "one bind failed"));
            watch.poll();
            assertEquals(List.of("proxy healthy", "proxy failing", "proxy healthy"), told);
            watch.configure(tracking());
            watch.poll();
            watch.configure(tracking("proxy"));
            watch.poll();
            assertEquals(List.of("proxy healthy", "proxy failing", "proxy healthy", "proxy healthy"), told);
        }
    }
}
