package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.vrrp.fsm.Action;
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
import dev.fulcrum.vrrp.fsm.Event;
import dev.fulcrum.vrrp.fsm.RouterSettings;
import dev.fulcrum.vrrp.fsm.TimerKind;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.fsm.VrrpStateMachine;
import dev.fulcrum.vrrp.packet.DropCounters;
import dev.fulcrum.vrrp.packet.DropReason;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import dev.fulcrum.vrrp.packet.ReceiveResult;
import dev.fulcrum.vrrp.packet.ReceiveResult.Accepted;
import dev.fulcrum.vrrp.packet.ReceiveResult.Drop;
import dev.fulcrum.vrrp.packet.ReceiveValidator;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One running VRRP instance: feeds its {@link VrrpStateMachine} with received adverts, timers and
 * tracking events, all on one event loop (a single-thread scheduler shared by an instance group),
 * and performs the actions it answers with through a {@link VrrpPort}. An action that fails (a
 * send, a netlink request) is logged and counted; the instance keeps running, as keepalived does.
 */
public final class VrrpRouter {

    private static final Logger LOG = System.getLogger(VrrpRouter.class.getName());

    /**
     * Drops that mean a peer is configured differently (version, auth_type, auth_pass, advert_int):
     * logged at INFO for every packet, as keepalived logs its "wrong version", "received an invalid
     * passwd!" and advert interval mismatch lines; other drops (noise on the wire) only at DEBUG.
     */
    private static final Set<DropReason> MISCONFIGURATION = EnumSet.of(DropReason.VERSION, DropReason.AUTH_TYPE,
            DropReason.AUTHENTICATION, DropReason.ADVERT_INTERVAL);

    private final String name;
    private final VrrpStateMachine machine;
    private final ReceiveValidator validator;
    private final VrrpPort port;
    private final EventLoop loop;
    private final InstantSource clock;
    private final Consumer<StateChanged> listener;
    private final DropCounters drops = new DropCounters();
    private final Map<TimerKind, EventLoop.Scheduled> timers = new EnumMap<>(TimerKind.class);
    private volatile VrrpState state = VrrpState.INITIALIZE;
    private volatile long failedActions;
    private volatile int priority;

    /** @param listener told of each state change on the loop thread, after the change's actions */
    public VrrpRouter(RouterSettings settings, ReceiveValidator validator, VrrpPort port, EventLoop loop,
            InstantSource clock, Consumer<StateChanged> listener) {
        this.name = settings.name();
        this.machine = new VrrpStateMachine(settings);
        this.validator = validator;
        this.port = port;
        this.loop = loop;
        this.clock = clock;
        this.listener = listener;
        this.priority = settings.priority();
    }

    public void start() {
        loop.execute(() -> handle(new Event.Startup(clock.instant())));
    }

    /** RFC 5798 section 6.4.3 Shutdown: a master resigns with priority 0. Waits for it to be done. */
    public void shutdown() throws InterruptedException {
        loop.run(() -> handle(new Event.Shutdown(clock.instant())));
    }

    /** A datagram from the socket reader: validated and handed to the machine on the loop. */
    public void received(IpEnvelope envelope, byte[] payload) {
        loop.execute(() -> {
            ReceiveResult result = validator.validate(envelope, payload);
            if (result instanceof Accepted accepted) {
                accepted.notices().forEach(notice -> LOG.log(Level.INFO, notice));
                handle(new Event.AdvertReceived(clock.instant(), envelope.source(), accepted.advert()));
            } else if (result instanceof Drop drop) {
                drops.count(drop);
                LOG.log(MISCONFIGURATION.contains(drop.reason()) ? Level.INFO : Level.DEBUG,
                        () -> "(" + name + ") dropped from " + envelope.source().getHostAddress() + ": " + drop);
            }
        });
    }

    public void faultRaised(String source) {
        loop.execute(() -> handle(new Event.FaultRaised(clock.instant(), source)));
    }

    public void faultCleared(String source) {
        loop.execute(() -> handle(new Event.FaultCleared(clock.instant(), source)));
    }

    /** keepalived.conf(5) {@code vrrp_sync_group}: another member went to {@code target}. */
    public void follow(VrrpState target, String reason) {
        loop.execute(() -> handle(new Event.Follow(clock.instant(), target, reason)));
    }

    public void priorityChanged(int priority) {
        loop.execute(() -> handle(new Event.PriorityChanged(clock.instant(), priority)));
    }

    public VrrpState state() {
        return state;
    }

    /** The priority adverts carry now (the configured one moved by tracking weights). */
    public int priority() {
        return priority;
    }

    public DropCounters drops() {
        return drops;
    }

    /** Actions whose side effect failed (send, netlink); each was logged. */
    public long failedActions() {
        return failedActions;
    }

    private void handle(Event event) {
        List<Action> actions = machine.handle(event);
        priority = machine.priority();
        for (Action action : actions) {
            try {
                perform(action);
            } catch (IOException | RuntimeException e) {
                failedActions++;
                LOG.log(Level.WARNING, action.getClass().getSimpleName() + " failed: " + e.getMessage());
            }
        }
    }

    private void perform(Action action) throws IOException {
        if (action instanceof SendAdvert send) {
            port.sendAdvert(send.priority());
        } else if (action instanceof AddVirtualAddresses add) {
            port.addAddresses(add.addresses());
        } else if (action instanceof RemoveVirtualAddresses remove) {
            port.removeAddresses(remove.addresses());
        } else if (action instanceof SendGratuitousArp arp) {
            port.announce(arp.addresses(), arp.repeat());
        } else if (action instanceof SendUnsolicitedNa na) {
            port.announce(na.addresses(), na.repeat());
        } else if (action instanceof StartTimer start) {
            schedule(start.kind(), start.at());
        } else if (action instanceof CancelTimer cancel) {
            EventLoop.Scheduled timer = timers.remove(cancel.kind());
            if (timer != null) {
                timer.cancel();
            }
        } else if (action instanceof StateChanged changed) {
            state = changed.to();
            listener.accept(changed);
        } else if (action instanceof Log log) {
            LOG.log(Level.INFO, log.message());
        } else if (action instanceof BlockVipTraffic || action instanceof UnblockVipTraffic) {
            // no_accept: the instance's VipFirewall drops traffic to the addresses for the instance's whole
            // life, which has the effect the machine asks for (they are local only while master).
        }
    }

    private void schedule(TimerKind kind, Instant at) {
        EventLoop.Scheduled previous = timers.remove(kind);
        if (previous != null) {
            previous.cancel();
        }
        Duration delay = Duration.between(clock.instant(), at);
        // The scheduler's clock (nanoTime) and the instant source may disagree by a hair: never tell the
        // machine a time before the deadline it asked for, or it would take the timer for a stale one.
        timers.put(kind, loop.schedule(() -> {
            timers.remove(kind);
            Instant now = clock.instant();
            handle(new Event.TimerFired(now.isBefore(at) ? at : now, kind));
        }, delay.isNegative() ? Duration.ZERO : delay));
    }
}
