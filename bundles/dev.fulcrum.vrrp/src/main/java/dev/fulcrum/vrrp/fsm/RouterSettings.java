package dev.fulcrum.vrrp.fsm;

import dev.fulcrum.api.model.global.VrrpDefaults;
import dev.fulcrum.api.model.vrrp.Authentication;
import dev.fulcrum.api.model.vrrp.InitialState;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.vrrp.packet.AuthData;
import dev.fulcrum.vrrp.packet.ReceiveRules;
import dev.fulcrum.vrrp.packet.Subnet;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the state machine of one vrrp_instance needs, derived from the model with
 * {@link #from(VrrpInstance, InetAddress)}.
 *
 * @param primaryAddress   the interface address adverts are sent from; breaks priority ties (RFC 5798 section 6.4.3)
 * @param downTimerAdverts keepalived.conf(5) {@code down_timer_adverts} 1..100, default 3
 * @param garp             {@code garp_master_repeat}, {@code garp_master_delay}, {@code garp_master_refresh}
 * @param v3ChecksumAsV2   keepalived.conf(5) {@code v3_checksum_as_v2}
 * @param replyToLowerPriority a master answers a lower-priority advert with its own at once: keepalived's
 *                         default; {@code vrrp_lower_prio_no_advert} (or strict mode) turns it off for the
 *                         RFC's silent discard
 * @param advertBeforeStepDown {@code vrrp_higher_prio_send_advert}: a master advertises once more before
 *                         yielding to a higher priority
 * @param excludedAddresses keepalived.conf(5) {@code virtual_ipaddress_excluded}: added, announced and
 *                         removed with the virtual addresses, but never listed in adverts
 */
public record RouterSettings(String name, int version, int virtualRouterId, int priority, Duration advertInterval,
        InitialState initialState, boolean preempt, Duration preemptDelay, boolean accept, int downTimerAdverts,
        InetAddress primaryAddress, List<VirtualAddress> virtualAddresses, Optional<AuthData> authentication,
        GarpPolicy garp, boolean v3ChecksumAsV2, boolean replyToLowerPriority,
        boolean advertBeforeStepDown, List<VirtualAddress> excludedAddresses) {

    /** RFC 5798 section 6.1: Master_Down_Interval is three advertisement intervals plus the skew. */
    public static final int DEFAULT_DOWN_TIMER_ADVERTS = 3;
    public static final int OWNER_PRIORITY = VrrpInstance.OWNER_PRIORITY;

    public RouterSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(initialState, "initialState");
        Objects.requireNonNull(primaryAddress, "primaryAddress");
        Objects.requireNonNull(authentication, "authentication");
        virtualAddresses = List.copyOf(virtualAddresses);
        excludedAddresses = List.copyOf(excludedAddresses);
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("(" + name + ") version must be 2 or 3: " + version);
        }
        if (priority < 1 || priority > OWNER_PRIORITY) {
            throw new IllegalArgumentException("(" + name + ") priority must be 1..255: " + priority);
        }
        checkInterval(name, version, advertInterval);
        if (downTimerAdverts < 1 || downTimerAdverts > 100) {
            throw new IllegalArgumentException("(" + name + ") down_timer_adverts must be 1..100: " + downTimerAdverts);
        }
        Objects.requireNonNull(garp, "garp");
    }

    /** Settings without {@code virtual_ipaddress_excluded}. */
    public RouterSettings(String name, int version, int virtualRouterId, int priority, Duration advertInterval,
            InitialState initialState, boolean preempt, Duration preemptDelay, boolean accept, int downTimerAdverts,
            InetAddress primaryAddress, List<VirtualAddress> virtualAddresses, Optional<AuthData> authentication,
            GarpPolicy garp, boolean v3ChecksumAsV2, boolean replyToLowerPriority, boolean advertBeforeStepDown) {
        this(name, version, virtualRouterId, priority, advertInterval, initialState, preempt, preemptDelay, accept,
                downTimerAdverts, primaryAddress, virtualAddresses, authentication, garp, v3ChecksumAsV2,
                replyToLowerPriority, advertBeforeStepDown, List.of());
    }

    /** {@link #from(VrrpInstance, VrrpDefaults, InetAddress)} with keepalived's global defaults. */
    public static RouterSettings from(VrrpInstance instance, InetAddress primaryAddress) {
        return from(instance, VrrpDefaults.DEFAULTS, primaryAddress);
    }

    /**
     * The settings of a vrrp_instance, its unset values taken from global_defs; a clear
     * {@link IllegalArgumentException} for what this implementation cannot run (auth_type AH, an
     * interval the version cannot carry).
     */
    public static RouterSettings from(VrrpInstance instance, VrrpDefaults defaults, InetAddress primaryAddress) {
        Optional<AuthData> authentication = Optional.empty();
        if (instance.authentication().isPresent()) {
            Authentication auth = instance.authentication().get();
            if (auth.type() == Authentication.Type.AH) {
                throw new IllegalArgumentException("(" + instance.name() + ") authentication auth_type AH (IPsec AH)"
                        + " is not supported; use auth_type PASS or no authentication");
            }
            // RFC 5798 removed authentication: keepalived ignores it for version 3, so do we.
            if (instance.version() == 2) {
                authentication = Optional.of(AuthData.password(auth.password()));
            }
        }
        boolean strict = instance.strictMode() || defaults.strict();
        return new RouterSettings(instance.name(), instance.version(), instance.virtualRouterId(),
                instance.priority(), instance.advertInterval(), instance.initialState(), !instance.nopreempt(),
                instance.preemptDelay(), instance.accept(), DEFAULT_DOWN_TIMER_ADVERTS, primaryAddress,
                instance.virtualAddresses(), authentication,
                GarpPolicy.of(instance.garp(), defaults), false,
                !(defaults.lowerPrioNoAdvert() || strict), defaults.higherPrioSendAdvert(),
                instance.excludedAddresses());
    }

    public RouterSettings withDownTimerAdverts(int adverts) {
        return new RouterSettings(name, version, virtualRouterId, priority, advertInterval, initialState, preempt,
                preemptDelay, accept, adverts, primaryAddress, virtualAddresses, authentication, garp,
                v3ChecksumAsV2, replyToLowerPriority, advertBeforeStepDown, excludedAddresses);
    }

    public RouterSettings withV3ChecksumAsV2(boolean asV2) {
        return new RouterSettings(name, version, virtualRouterId, priority, advertInterval, initialState, preempt,
                preemptDelay, accept, downTimerAdverts, primaryAddress, virtualAddresses, authentication, garp,
                asV2, replyToLowerPriority, advertBeforeStepDown, excludedAddresses);
    }

    /** RFC 5798 section 6.1: the owner always preempts, whatever Preempt_Mode says. */
    public boolean isOwner() {
        return priority == OWNER_PRIORITY;
    }

    /** What a master puts on its interfaces: the virtual addresses, then the excluded ones. */
    public List<VirtualAddress> installedAddresses() {
        return Stream.concat(virtualAddresses.stream(), excludedAddresses.stream()).toList();
    }

    /** The interval in the advert's unit: seconds (v2, RFC 3768 section 5.3.7) or centiseconds (v3, RFC 5798 section 5.2.7). */
    public int advertIntervalField() {
        return version == 2 ? (int) advertInterval.toSeconds() : (int) (advertInterval.toMillis() / 10);
    }

    /** The receive checks for this instance; {@code interfaceSubnets} are its interface's IPv4 addresses. */
    public ReceiveRules receiveRules(List<Subnet> interfaceSubnets) {
        return receiveRules(interfaceSubnets, List.of());
    }

    /** The receive checks; with {@code unicastPeers}, those of keepalived.conf(5) {@code unicast_peer} mode. */
    public ReceiveRules receiveRules(List<Subnet> interfaceSubnets, List<InetAddress> unicastPeers) {
        return new ReceiveRules(version, virtualRouterId, primaryAddress instanceof Inet6Address,
                advertIntervalField(), authentication, v3ChecksumAsV2, unicastPeers.isEmpty() ? interfaceSubnets
                        : List.of(), virtualAddresses.stream().map(VirtualAddress::address).toList(), unicastPeers);
    }

    private static void checkInterval(String name, int version, Duration interval) {
        Objects.requireNonNull(interval, "advertInterval");
        if (version == 2) {
            if (interval.toNanos() % 1_000_000_000L != 0 || interval.toSeconds() < 1 || interval.toSeconds() > 255) {
                throw new IllegalArgumentException("(" + name + ") advert_int " + interval.toMillis() / 1000.0
                        + " s: VRRPv2 carries whole seconds 1..255 (RFC 3768 section 5.3.7)");
            }
        } else if (interval.toNanos() % 10_000_000L != 0 || interval.toMillis() < 10 || interval.toMillis() > 40_950) {
            throw new IllegalArgumentException("(" + name + ") advert_int " + interval.toMillis() / 1000.0
                    + " s: VRRPv3 carries centiseconds 1..4095 (RFC 5798 section 5.2.7)");
        }
    }
}
