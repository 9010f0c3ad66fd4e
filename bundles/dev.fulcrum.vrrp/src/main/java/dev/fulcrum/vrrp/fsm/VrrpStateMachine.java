package dev.fulcrum.vrrp.fsm;

import dev.fulcrum.api.model.vrrp.InitialState;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.vrrp.fsm.Action.AddVirtualAddresses;
import dev.fulcrum.vrrp.fsm.Action.BlockVipTraffic;
import dev.fulcrum.vrrp.fsm.Action.CancelTimer;
import dev.fulcrum.vrrp.fsm.Action.Log;
import dev.fulcrum.vrrp.fsm.Action.RemoveVirtualAddresses;
import dev.fulcrum.vrrp.fsm.Action.SendAdvert;
import dev.fulcrum.vrrp.fsm.Action.SendGratuitousArp;
import dev.fulcrum.vrrp.fsm.Action.SendUnsolicitedNa;
import dev.fulcrum.vrrp.fsm.Action.StartTimer;
import dev.fulcrum.vrrp.fsm.Action.StateChanged;
import dev.fulcrum.vrrp.fsm.Action.UnblockVipTraffic;
import dev.fulcrum.vrrp.fsm.Event.AdvertReceived;
import dev.fulcrum.vrrp.fsm.Event.FaultCleared;
import dev.fulcrum.vrrp.fsm.Event.FaultRaised;
import dev.fulcrum.vrrp.fsm.Event.Follow;
import dev.fulcrum.vrrp.fsm.Event.PriorityChanged;
import dev.fulcrum.vrrp.fsm.Event.Shutdown;
import dev.fulcrum.vrrp.fsm.Event.Startup;
import dev.fulcrum.vrrp.fsm.Event.TimerFired;
import dev.fulcrum.vrrp.packet.Advertisement;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The VRRP state machine of one virtual router (RFC 5798 section 6.4, RFC 3768 section 6.4) with
 * keepalived's additions: FAULT for tracking, {@code nopreempt}, {@code preempt_delay},
 * {@code down_timer_adverts}, {@code garp_master_delay}. Pure: {@link #handle(Event)} turns one
 * event into the actions to take, and time comes only from the events. Not thread-safe: one
 * adapter thread feeds it.
 */
public final class VrrpStateMachine {

    private final RouterSettings settings;
    private final Map<TimerKind, Instant> deadlines = new EnumMap<>(TimerKind.class);
    private final Set<String> faults = new LinkedHashSet<>();
    private VrrpState state = VrrpState.INITIALIZE;
    private int priority;
    /** RFC 5798 section 6.1: learnt from the master's adverts in VRRPv3; the configured interval in v2. */
    private Duration masterAdverInterval;
    /** keepalived.conf(5) {@code preempt_delay}: no preemption before this instant; null: not yet set. */
    private Instant preemptAllowedAt;
    private List<Action> actions;

    public VrrpStateMachine(RouterSettings settings) {
        this.settings = settings;
        this.priority = settings.priority();
        this.masterAdverInterval = settings.advertInterval();
    }

    public VrrpState state() {
        return state;
    }

    /** The priority adverts carry now: the configured one changed by tracking weights. */
    public int priority() {
        return priority;
    }

    public Duration masterAdverInterval() {
        return masterAdverInterval;
    }

    /** The actions for one event, in the order to perform them. */
    public List<Action> handle(Event event) {
        actions = new ArrayList<>();
        Instant at = event.at();
        if (event instanceof Startup) {
            startup(at);
        } else if (event instanceof Shutdown) {
            shutdown();
        } else if (event instanceof AdvertReceived received) {
            advertReceived(at, received.source(), received.advert());
        } else if (event instanceof TimerFired fired) {
            timerFired(at, fired.kind());
        } else if (event instanceof FaultRaised raised) {
            faultRaised(raised.source());
        } else if (event instanceof FaultCleared cleared) {
            faultCleared(at, cleared.source());
        } else if (event instanceof PriorityChanged changed) {
            priorityChanged(changed.priority());
        } else if (event instanceof Follow follow) {
            follow(at, follow.target(), follow.reason());
        }
        return List.copyOf(actions);
    }

    private void startup(Instant at) {
        if (state != VrrpState.INITIALIZE) {
            log("startup ignored: already " + state);
            return;
        }
        preemptAllowedAt = at.plus(settings.preemptDelay());
        if (!faults.isEmpty()) {
            transition(VrrpState.FAULT, "startup with " + String.join(", ", faults) + " down");
            return;
        }
        enterRunning(at, "startup");
    }

    /**
     * RFC 5798 section 6.4.1: the owner becomes master at once, everyone else starts as backup.
     * keepalived.conf(5) {@code state}: only an owner configured {@code state MASTER} skips the
     * wait; with {@code state BACKUP} it waits for the master down timer like the others.
     */
    private void enterRunning(Instant at, String reason) {
        if (settings.isOwner() && settings.initialState() == InitialState.MASTER) {
            becomeMaster(at, reason + ", address owner (priority 255)");
        } else {
            masterAdverInterval = settings.advertInterval();
            startTimer(TimerKind.MASTER_DOWN, at.plus(masterDownInterval()));
            transition(VrrpState.BACKUP, reason);
        }
    }

    /** RFC 5798 sections 6.4.2 and 6.4.3 "If a Shutdown event is received". */
    private void shutdown() {
        switch (state) {
            case MASTER -> {
                leaveMaster(true);
                transition(VrrpState.INITIALIZE, "shutdown");
            }
            case BACKUP -> {
                cancelTimer(TimerKind.MASTER_DOWN);
                transition(VrrpState.INITIALIZE, "shutdown");
            }
            case FAULT -> transition(VrrpState.INITIALIZE, "shutdown");
            case INITIALIZE -> log("shutdown ignored: not running");
        }
    }

    private void advertReceived(Instant at, InetAddress source, Advertisement advert) {
        switch (state) {
            case BACKUP -> backupReceived(at, source, advert);
            case MASTER -> masterReceived(at, source, advert);
            case INITIALIZE, FAULT -> {
                // RFC 5798 section 6.4.1: Initialize only waits for Startup; keepalived ignores adverts in FAULT.
            }
        }
    }

    /** RFC 5798 section 6.4.2 "If an ADVERTISEMENT is received". */
    private void backupReceived(Instant at, InetAddress source, Advertisement advert) {
        if (advert.priority() == 0) {
            log("master " + source.getHostAddress() + " resigned (priority 0), taking over after the skew time");
            startTimer(TimerKind.MASTER_DOWN, at.plus(Intervals.skewTime(settings.version(), priority,
                    masterAdverInterval)));
            return;
        }
        boolean preempt = settings.preempt() || settings.isOwner();
        if (advert.priority() >= priority) {
            preemptAllowedAt = null; // keepalived.conf(5) preempt_delay counts from seeing a lower-priority master
        } else if (preempt && preemptDelayPassed(at)) {
            log("lower priority advert (" + advert.priority() + ") from " + source.getHostAddress()
                    + ", ours " + priority + ": preempting");
            return; // RFC 5798 section 6.4.2: discard it; the master down timer will fire
        }
        if (settings.version() == 3) {
            masterAdverInterval = advert.interval();
        }
        startTimer(TimerKind.MASTER_DOWN, at.plus(masterDownInterval()));
    }

    private boolean preemptDelayPassed(Instant at) {
        if (preemptAllowedAt == null) {
            preemptAllowedAt = at.plus(settings.preemptDelay());
        }
        return !at.isBefore(preemptAllowedAt);
    }

    /** RFC 5798 section 6.4.3 "If an ADVERTISEMENT is received". */
    private void masterReceived(Instant at, InetAddress source, Advertisement advert) {
        if (advert.priority() == 0) {
            actions.add(new SendAdvert(priority));
            startTimer(TimerKind.ADVERT, at.plus(settings.advertInterval()));
            return;
        }
        boolean higher = advert.priority() > priority
                || advert.priority() == priority && compareUnsigned(source, settings.primaryAddress()) > 0;
        if (!higher) {
            log("lower priority advert (" + advert.priority() + ") from " + source.getHostAddress()
                    + ", ours " + priority + (settings.replyToLowerPriority() ? ": answering" : ": discarding"));
            if (settings.replyToLowerPriority()) {
                actions.add(new SendAdvert(priority)); // keepalived: make the other master yield at once
            }
            return;
        }
        if (settings.advertBeforeStepDown()) {
            actions.add(new SendAdvert(priority)); // keepalived.conf(5) vrrp_higher_prio_send_advert
        }
        leaveMaster(false);
        if (settings.version() == 3) {
            masterAdverInterval = advert.interval();
        }
        startTimer(TimerKind.MASTER_DOWN, at.plus(masterDownInterval()));
        transition(VrrpState.BACKUP, "higher priority advert (" + advert.priority() + ") from "
                + source.getHostAddress() + ", ours " + priority);
    }

    private void timerFired(Instant at, TimerKind kind) {
        Instant deadline = deadlines.get(kind);
        if (deadline == null || at.isBefore(deadline)) {
            return; // cancelled or restarted since: the adapter's timer raced with us
        }
        deadlines.remove(kind);
        switch (kind) {
            case MASTER_DOWN -> {
                if (state == VrrpState.BACKUP) {
                    becomeMaster(at, "master down timer expired");
                }
            }
            case ADVERT -> {
                if (state == VrrpState.MASTER) {
                    actions.add(new SendAdvert(priority));
                    startTimer(TimerKind.ADVERT, at.plus(settings.advertInterval()));
                }
            }
            case GARP_DELAY -> {
                if (state == VrrpState.MASTER) {
                    announce(settings.garp().repeat());
                }
            }
            case GARP_REFRESH -> {
                if (state == VrrpState.MASTER) {
                    announce(GarpPolicy.REFRESH_REPEAT);
                    startTimer(TimerKind.GARP_REFRESH, at.plus(settings.garp().refresh()));
                }
            }
        }
    }

    private void faultRaised(String source) {
        if (!faults.add(source)) {
            return;
        }
        log(source + " is down");
        switch (state) {
            case MASTER -> {
                leaveMaster(true); // keepalived resigns with priority 0 so that a backup takes over at once
                transition(VrrpState.FAULT, source + " down");
            }
            case BACKUP -> {
                cancelTimer(TimerKind.MASTER_DOWN);
                transition(VrrpState.FAULT, source + " down");
            }
            case INITIALIZE, FAULT -> {
            }
        }
    }

    private void faultCleared(Instant at, String source) {
        if (!faults.remove(source)) {
            return;
        }
        log(source + " is up");
        if (state == VrrpState.FAULT && faults.isEmpty()) {
            enterRunning(at, "fault cleared");
        }
    }

    private void priorityChanged(int newPriority) {
        if (settings.isOwner()) {
            log("priority change to " + newPriority + " ignored: address owner stays 255");
            return;
        }
        int clamped = Math.max(1, Math.min(RouterSettings.OWNER_PRIORITY - 1, newPriority));
        if (clamped != priority) {
            log("priority " + priority + " -> " + clamped);
            priority = clamped;
        }
    }

    /** keepalived's sync group: only BACKUP to MASTER and MASTER to BACKUP follow; FAULT goes through faults. */
    private void follow(Instant at, VrrpState target, String reason) {
        if (state == VrrpState.BACKUP && target == VrrpState.MASTER) {
            becomeMaster(at, reason);
        } else if (state == VrrpState.MASTER && target == VrrpState.BACKUP) {
            leaveMaster(false);
            startTimer(TimerKind.MASTER_DOWN, at.plus(masterDownInterval()));
            transition(VrrpState.BACKUP, reason);
        }
    }

    /** RFC 5798 section 6.4.2 "If the Master_Down_Timer fires" / 6.4.1 for the owner. */
    private void becomeMaster(Instant at, String reason) {
        cancelTimer(TimerKind.MASTER_DOWN);
        List<VirtualAddress> vips = settings.installedAddresses();
        actions.add(new AddVirtualAddresses(vips));
        if (!settings.accept() && !settings.isOwner()) {
            actions.add(new BlockVipTraffic(vips));
        }
        actions.add(new SendAdvert(priority));
        announce(settings.garp().repeat());
        startTimer(TimerKind.ADVERT, at.plus(settings.advertInterval()));
        if (!settings.garp().delay().isZero()) {
            startTimer(TimerKind.GARP_DELAY, at.plus(settings.garp().delay()));
        }
        if (!settings.garp().refresh().isZero()) {
            startTimer(TimerKind.GARP_REFRESH, at.plus(settings.garp().refresh()));
        }
        transition(VrrpState.MASTER, reason);
    }

    /** Undo {@link #becomeMaster}; {@code resign}: send priority 0 first (RFC 5798 section 6.4.3 Shutdown). */
    private void leaveMaster(boolean resign) {
        cancelTimer(TimerKind.ADVERT);
        cancelTimer(TimerKind.GARP_DELAY);
        cancelTimer(TimerKind.GARP_REFRESH);
        if (resign) {
            actions.add(new SendAdvert(0));
        }
        List<VirtualAddress> vips = settings.installedAddresses();
        if (!settings.accept() && !settings.isOwner()) {
            actions.add(new UnblockVipTraffic(vips));
        }
        actions.add(new RemoveVirtualAddresses(vips));
    }

    /**
     * Gratuitous ARP for the IPv4 addresses, unsolicited NA for the IPv6 ones (RFC 5798 section 6.4.2),
     * the excluded addresses included: they move with the master as the others do.
     */
    private void announce(int repeat) {
        List<InetAddress> ipv4 = new ArrayList<>();
        List<InetAddress> ipv6 = new ArrayList<>();
        for (VirtualAddress vip : settings.installedAddresses()) {
            (vip.address() instanceof Inet4Address ? ipv4 : ipv6).add(vip.address());
        }
        if (!ipv4.isEmpty()) {
            actions.add(new SendGratuitousArp(ipv4, repeat));
        }
        if (!ipv6.isEmpty()) {
            actions.add(new SendUnsolicitedNa(ipv6, repeat));
        }
    }

    private Duration masterDownInterval() {
        return Intervals.masterDownInterval(settings.version(), priority, masterAdverInterval,
                settings.downTimerAdverts());
    }

    private void transition(VrrpState to, String reason) {
        VrrpState from = state;
        state = to;
        actions.add(new StateChanged(from, to, reason));
        log("Entering " + to + " STATE (" + reason + ")");
    }

    private void startTimer(TimerKind kind, Instant at) {
        deadlines.put(kind, at);
        actions.add(new StartTimer(kind, at));
    }

    private void cancelTimer(TimerKind kind) {
        if (deadlines.remove(kind) != null) {
            actions.add(new CancelTimer(kind));
        }
    }

    private void log(String message) {
        actions.add(new Log("(" + settings.name() + ") " + message));
    }

    /** RFC 5798 section 6.4.3: "the primary IPvX address of the sender is greater than the local primary IPvX address". */
    static int compareUnsigned(InetAddress a, InetAddress b) {
        return Arrays.compareUnsigned(a.getAddress(), b.getAddress());
    }
}
