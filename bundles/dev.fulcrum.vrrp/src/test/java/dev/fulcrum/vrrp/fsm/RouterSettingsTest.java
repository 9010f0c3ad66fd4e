package dev.fulcrum.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.global.VrrpDefaults;
import dev.fulcrum.api.model.vrrp.Authentication;
import dev.fulcrum.api.model.vrrp.GarpSettings;
import dev.fulcrum.api.model.vrrp.InitialState;
import dev.fulcrum.api.model.vrrp.NotifyScripts;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.vrrp.packet.AuthData;
import dev.fulcrum.vrrp.packet.ReceiveRules;
import dev.fulcrum.vrrp.packet.Subnet;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** RouterSettings from the model's vrrp_instance: what is derived, what is refused and how. */
class RouterSettingsTest {

    private static final InetAddress PRIMARY = InetAddress.getLoopbackAddress();

    @Test
    void derivesFromTheModel() throws Exception {
        VrrpInstance instance = instance(2, Duration.ofSeconds(2), Optional.of(pass("fulcrum")), true,
                new GarpSettings(Optional.of(Duration.ofSeconds(7)), OptionalInt.of(2), Optional.empty()));
        RouterSettings settings = RouterSettings.from(instance, PRIMARY);
        assertEquals(2, settings.version());
        assertEquals(51, settings.virtualRouterId());
        assertEquals(120, settings.priority());
        assertFalse(settings.preempt());
        assertEquals(Duration.ofSeconds(3), settings.preemptDelay());
        assertEquals(Optional.of(AuthData.password("fulcrum")), settings.authentication());
        assertEquals(2, settings.garp().repeat());
        assertEquals(Duration.ofSeconds(7), settings.garp().delay());
        assertEquals(RouterSettings.DEFAULT_DOWN_TIMER_ADVERTS, settings.downTimerAdverts());
        assertEquals(2, settings.advertIntervalField());
        ReceiveRules rules = settings.receiveRules(List.of(new Subnet(PRIMARY, 8)));
        assertEquals(new ReceiveRules(2, 51, false, 2, Optional.of(AuthData.password("fulcrum")), false,
                List.of(new Subnet(PRIMARY, 8)), List.of(InetAddress.getLoopbackAddress())), rules);
    }

    @Test
    void keepalivedDefaultsForGarp() {
        RouterSettings settings = RouterSettings.from(instance(3, Duration.ofMillis(250), Optional.empty(), false,
                GarpSettings.GLOBAL_DEFAULTS), PRIMARY);
        assertEquals(5, settings.garp().repeat());
        assertEquals(Duration.ofSeconds(5), settings.garp().delay());
        assertEquals(25, settings.advertIntervalField());
        assertTrue(settings.preempt());
    }

    @Test
    void unsetValuesComeFromGlobalDefs() {
        VrrpDefaults d = VrrpDefaults.DEFAULTS;
        VrrpDefaults global = new VrrpDefaults(2, false, Duration.ofSeconds(9), 3, d.garpMasterRefresh(),
                d.garpInterval(), d.gnaInterval(), false, true, true, d.startupDelay(), d.mcastGroup4(),
                d.mcastGroup6());
        RouterSettings settings = RouterSettings.from(instance(3, Duration.ofSeconds(1), Optional.empty(), false,
                GarpSettings.GLOBAL_DEFAULTS), global, PRIMARY);
        assertEquals(3, settings.garp().repeat());
        assertEquals(Duration.ofSeconds(9), settings.garp().delay());
        assertFalse(settings.replyToLowerPriority());
        assertTrue(settings.advertBeforeStepDown());
        RouterSettings keepalivedDefaults = RouterSettings.from(instance(3, Duration.ofSeconds(1), Optional.empty(),
                false, GarpSettings.GLOBAL_DEFAULTS), PRIMARY);
        assertTrue(keepalivedDefaults.replyToLowerPriority());
        assertFalse(keepalivedDefaults.advertBeforeStepDown());
    }

    @Test
    void authTypeAhIsRefusedWithAClearMessage() {
        VrrpInstance instance = instance(2, Duration.ofSeconds(1),
                Optional.of(new Authentication(Authentication.Type.AH, "x")), false, GarpSettings.GLOBAL_DEFAULTS);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RouterSettings.from(instance, PRIMARY));
        assertEquals("(VI_1) authentication auth_type AH (IPsec AH) is not supported; use auth_type PASS or no"
                + " authentication", error.getMessage());
    }

    @Test
    void version3IgnoresAuthenticationAsKeepalivedDoes() {
        RouterSettings settings = RouterSettings.from(instance(3, Duration.ofSeconds(1), Optional.of(pass("x")),
                false, GarpSettings.GLOBAL_DEFAULTS), PRIMARY);
        assertEquals(Optional.empty(), settings.authentication());
    }

    @Test
    void intervalsTheVersionCannotCarryAreRefused() {
        IllegalArgumentException v2 = assertThrows(IllegalArgumentException.class, () -> RouterSettings.from(
                instance(2, Duration.ofMillis(1500), Optional.empty(), false, GarpSettings.GLOBAL_DEFAULTS), PRIMARY));
        // The model (VrrpInstance) refuses them first, as RFC 3768 5.3.7 / RFC 5798 5.2.7 require.
        assertTrue(v2.getMessage().contains("whole seconds from 1 to 255 for VRRPv2"), v2.getMessage());
        IllegalArgumentException v3 = assertThrows(IllegalArgumentException.class, () -> RouterSettings.from(
                instance(3, Duration.ofSeconds(41), Optional.empty(), false, GarpSettings.GLOBAL_DEFAULTS), PRIMARY));
        assertTrue(v3.getMessage().contains("centiseconds from 0.01 to 40.95 s for VRRPv3"), v3.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RouterSettings.from(
                instance(3, Duration.ofMillis(5), Optional.empty(), false, GarpSettings.GLOBAL_DEFAULTS), PRIMARY));
    }

    @Test
    void downTimerAdvertsIsOneToHundred() {
        RouterSettings settings = RouterSettings.from(instance(3, Duration.ofSeconds(1), Optional.empty(), false,
                GarpSettings.GLOBAL_DEFAULTS), PRIMARY);
        assertEquals(100, settings.withDownTimerAdverts(100).downTimerAdverts());
        assertThrows(IllegalArgumentException.class, () -> settings.withDownTimerAdverts(0));
        assertThrows(IllegalArgumentException.class, () -> settings.withDownTimerAdverts(101));
    }

    private static Authentication pass(String password) {
        return new Authentication(Authentication.Type.PASS, password);
    }

    private static VrrpInstance instance(int version, Duration interval, Optional<Authentication> auth,
            boolean nopreempt, GarpSettings garp) {
        return new VrrpInstance("VI_1", InitialState.BACKUP, "eth0", 51, 120, interval, version, auth,
                List.of(VirtualAddress.of(InetAddress.getLoopbackAddress())), List.of(), nopreempt,
                Duration.ofSeconds(3), true, false, Optional.empty(), List.of(), Optional.empty(), List.of(),
                List.of(), false, NotifyScripts.NONE, false, garp);
    }
}
