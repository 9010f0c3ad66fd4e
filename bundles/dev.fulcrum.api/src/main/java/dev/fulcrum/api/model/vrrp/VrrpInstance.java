package dev.fulcrum.api.model.vrrp;

import dev.fulcrum.api.model.internal.Checks;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * keepalived.conf(5) {@code vrrp_instance <NAME> { ... }}.
 *
 * @param initialState     {@code state}, default BACKUP
 * @param interfaceName    {@code interface}
 * @param virtualRouterId  {@code virtual_router_id} 1..255
 * @param priority         {@code priority} 1..255 (255: the address owner)
 * @param advertInterval   {@code advert_int}, default 1 s
 * @param version          {@code version} 2|3 (default: global vrrp_version)
 * @param authentication   {@code authentication { ... }}
 * @param virtualAddresses {@code virtual_ipaddress { ... }}
 * @param excludedAddresses {@code virtual_ipaddress_excluded { ... }}
 * @param nopreempt        {@code nopreempt}
 * @param preemptDelay     {@code preempt_delay} 0..1000 s, default 0
 * @param accept           {@code accept} / {@code no_accept}; default accept unless strict mode
 * @param strictMode       {@code strict_mode}, or the global vrrp_strict
 * @param unicastSourceIp  {@code unicast_src_ip}
 * @param unicastPeers     {@code unicast_peer { ... }}
 * @param unicastTtl       {@code unicast_ttl} 0..255, the TTL of unicast adverts; empty: 255
 * @param multicastSourceIp {@code mcast_src_ip}
 * @param trackInterfaces  {@code track_interface { ... }}
 * @param trackScripts     {@code track_script { ... }}
 * @param dontTrackPrimary {@code dont_track_primary}
 * @param notifyScripts         {@code notify_*}
 * @param smtpAlert        {@code smtp_alert}
 * @param garp             {@code garp_master_*}
 * @param trackSubsystems  Fulcrum's {@code track_subsystem { ... }} (not a keepalived keyword)
 * @param trackFiles       {@code track_file { ... }}
 */
public record VrrpInstance(String name, InitialState initialState, String interfaceName, int virtualRouterId,
        int priority, Duration advertInterval, int version, Optional<Authentication> authentication,
        List<VirtualAddress> virtualAddresses, List<VirtualAddress> excludedAddresses, boolean nopreempt,
        Duration preemptDelay, boolean accept, boolean strictMode, Optional<InetAddress> unicastSourceIp,
        List<InetAddress> unicastPeers, OptionalInt unicastTtl, Optional<InetAddress> multicastSourceIp,
        List<TrackedInterface> trackInterfaces, List<TrackedScript> trackScripts, boolean dontTrackPrimary,
        NotifyScripts notifyScripts, boolean smtpAlert, GarpSettings garp, List<TrackedSubsystem> trackSubsystems,
        List<TrackedFile> trackFiles) {

    /** keepalived.conf(5): "priority 100" is the default of a BACKUP instance. */
    public static final int DEFAULT_PRIORITY = 100;
    /** RFC 5798 section 5.2.4: the priority of the router that owns the addresses. */
    public static final int OWNER_PRIORITY = 255;
    /** keepalived.conf(5): advert_int default 1 second. */
    public static final Duration DEFAULT_ADVERT_INTERVAL = Duration.ofSeconds(1);

    public VrrpInstance {
        Checks.name("name", name);
        Objects.requireNonNull(initialState, "initialState");
        Checks.name("interfaceName", interfaceName);
        Checks.range("virtualRouterId", virtualRouterId, 1, 255);
        Checks.range("priority", priority, 1, 255);
        Checks.positive("advertInterval", advertInterval);
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version must be 2 or 3: " + version);
        }
        checkAdvertInterval(advertInterval, version);
        Objects.requireNonNull(authentication, "authentication");
        virtualAddresses = List.copyOf(virtualAddresses);
        excludedAddresses = List.copyOf(excludedAddresses);
        Checks.nonNegative("preemptDelay", preemptDelay);
        if (preemptDelay.compareTo(Duration.ofSeconds(1000)) > 0) {
            throw new IllegalArgumentException("preemptDelay must be 0..1000 s: " + preemptDelay);
        }
        Objects.requireNonNull(unicastSourceIp, "unicastSourceIp");
        unicastPeers = List.copyOf(unicastPeers);
        Objects.requireNonNull(unicastTtl, "unicastTtl");
        unicastTtl.ifPresent(ttl -> Checks.range("unicastTtl", ttl, 0, 255));
        Objects.requireNonNull(multicastSourceIp, "multicastSourceIp");
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
        Objects.requireNonNull(notifyScripts, "notifyScripts");
        Objects.requireNonNull(garp, "garp");
        trackSubsystems = List.copyOf(trackSubsystems);
        trackFiles = List.copyOf(trackFiles);
    }

    /** An instance that tracks no file. */
    public VrrpInstance(String name, InitialState initialState, String interfaceName, int virtualRouterId,
            int priority, Duration advertInterval, int version, Optional<Authentication> authentication,
            List<VirtualAddress> virtualAddresses, List<VirtualAddress> excludedAddresses, boolean nopreempt,
            Duration preemptDelay, boolean accept, boolean strictMode, Optional<InetAddress> unicastSourceIp,
            List<InetAddress> unicastPeers, OptionalInt unicastTtl, Optional<InetAddress> multicastSourceIp,
            List<TrackedInterface> trackInterfaces, List<TrackedScript> trackScripts, boolean dontTrackPrimary,
            NotifyScripts notifyScripts, boolean smtpAlert, GarpSettings garp, List<TrackedSubsystem> trackSubsystems) {
        this(name, initialState, interfaceName, virtualRouterId, priority, advertInterval, version, authentication,
                virtualAddresses, excludedAddresses, nopreempt, preemptDelay, accept, strictMode, unicastSourceIp,
                unicastPeers, unicastTtl, multicastSourceIp, trackInterfaces, trackScripts, dontTrackPrimary,
                notifyScripts, smtpAlert, garp, trackSubsystems, List.of());
    }

    /** An instance that tracks no Fulcrum subsystem: every keepalived keyword, nothing else. */
    public VrrpInstance(String name, InitialState initialState, String interfaceName, int virtualRouterId,
            int priority, Duration advertInterval, int version, Optional<Authentication> authentication,
            List<VirtualAddress> virtualAddresses, List<VirtualAddress> excludedAddresses, boolean nopreempt,
            Duration preemptDelay, boolean accept, boolean strictMode, Optional<InetAddress> unicastSourceIp,
            List<InetAddress> unicastPeers, OptionalInt unicastTtl, Optional<InetAddress> multicastSourceIp,
            List<TrackedInterface> trackInterfaces, List<TrackedScript> trackScripts, boolean dontTrackPrimary,
            NotifyScripts notifyScripts, boolean smtpAlert, GarpSettings garp) {
        this(name, initialState, interfaceName, virtualRouterId, priority, advertInterval, version, authentication,
                virtualAddresses, excludedAddresses, nopreempt, preemptDelay, accept, strictMode, unicastSourceIp,
                unicastPeers, unicastTtl, multicastSourceIp, trackInterfaces, trackScripts, dontTrackPrimary,
                notifyScripts, smtpAlert, garp, List.of());
    }

    /** The instance without {@code unicast_ttl} (255), as it was before that keyword was modelled. */
    public VrrpInstance(String name, InitialState initialState, String interfaceName, int virtualRouterId,
            int priority, Duration advertInterval, int version, Optional<Authentication> authentication,
            List<VirtualAddress> virtualAddresses, List<VirtualAddress> excludedAddresses, boolean nopreempt,
            Duration preemptDelay, boolean accept, boolean strictMode, Optional<InetAddress> unicastSourceIp,
            List<InetAddress> unicastPeers, Optional<InetAddress> multicastSourceIp,
            List<TrackedInterface> trackInterfaces, List<TrackedScript> trackScripts, boolean dontTrackPrimary,
            NotifyScripts notifyScripts, boolean smtpAlert, GarpSettings garp) {
        this(name, initialState, interfaceName, virtualRouterId, priority, advertInterval, version, authentication,
                virtualAddresses, excludedAddresses, nopreempt, preemptDelay, accept, strictMode, unicastSourceIp,
                unicastPeers, OptionalInt.empty(), multicastSourceIp, trackInterfaces, trackScripts, dontTrackPrimary,
                notifyScripts, smtpAlert, garp);
    }

    /** The same instance tracking {@code subsystems} instead. */
    public VrrpInstance withTrackSubsystems(List<TrackedSubsystem> subsystems) {
        return new VrrpInstance(name, initialState, interfaceName, virtualRouterId, priority, advertInterval, version,
                authentication, virtualAddresses, excludedAddresses, nopreempt, preemptDelay, accept, strictMode,
                unicastSourceIp, unicastPeers, unicastTtl, multicastSourceIp, trackInterfaces, trackScripts,
                dontTrackPrimary, notifyScripts, smtpAlert, garp, subsystems, trackFiles);
    }

    /** The same instance tracking {@code files} instead. */
    public VrrpInstance withTrackFiles(List<TrackedFile> files) {
        return new VrrpInstance(name, initialState, interfaceName, virtualRouterId, priority, advertInterval, version,
                authentication, virtualAddresses, excludedAddresses, nopreempt, preemptDelay, accept, strictMode,
                unicastSourceIp, unicastPeers, unicastTtl, multicastSourceIp, trackInterfaces, trackScripts,
                dontTrackPrimary, notifyScripts, smtpAlert, garp, trackSubsystems, files);
    }

    /**
     * The advertisement field's unit and width: VRRPv2 an 8-bit count of seconds (RFC 3768 section
     * 5.3.7), VRRPv3 a 12-bit count of centiseconds (RFC 5798 section 5.2.7).
     */
    private static void checkAdvertInterval(Duration interval, int version) {
        long millis = interval.toMillis();
        boolean valid = version == 2
                ? interval.getNano() == 0 && interval.getSeconds() >= 1 && interval.getSeconds() <= 255
                : interval.getNano() % 10_000_000 == 0 && millis >= 10 && millis <= 40_950;
        if (!valid) {
            throw new IllegalArgumentException("advertInterval must be " + (version == 2
                    ? "whole seconds from 1 to 255 for VRRPv2" : "centiseconds from 0.01 to 40.95 s for VRRPv3")
                    + ", was " + interval);
        }
    }
}
