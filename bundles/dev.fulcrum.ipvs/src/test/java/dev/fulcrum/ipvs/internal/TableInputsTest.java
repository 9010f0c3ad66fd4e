package dev.fulcrum.ipvs.internal;

import static dev.fulcrum.ipvs.internal.Lvs.ip;
import static dev.fulcrum.ipvs.internal.Lvs.real;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.lvs.Endpoint;
import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.Persistence;
import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.Tunnel;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.ipvs.IpvsKey;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * TableInputs must tell apart any two virtual servers whose IPVS services differ: each component of
 * VirtualServer and of a RealServer is changed in turn (through the records' canonical constructors,
 * so a component added to the model is covered without editing this test) on a plain and on a
 * feature-rich virtual server, and wherever the built table differs, with all real servers up or all
 * down, TableInputs must say "not the same".
 */
class TableInputsTest {

    private static final List<RealServerHealth> HEALTHS = List.of(RealServerHealth.ALL_UP, (vs, rs) -> false);

    @Test
    void anEqualVirtualServerBuiltAnewIsTheSame() {
        for (VirtualServer base : bases()) {
            VirtualServer copy = rebuilt(base, UnaryOperator.identity());
            assertTrue(copy != base && TableInputs.same(base, copy), base::toString);
        }
    }

    @Test
    void everyComponentThatChangesTheTableIsCompared() {
        Set<String> varied = new TreeSet<>();
        for (VirtualServer base : bases()) {
            for (RecordComponent component : VirtualServer.class.getRecordComponents()) {
                variant(base, component).ifPresent(variant -> {
                    varied.add("VirtualServer." + component.getName());
                    check(base, variant, "VirtualServer." + component.getName());
                });
            }
            for (RecordComponent component : RealServer.class.getRecordComponents()) {
                RealServer first = base.realServers().get(0);
                variant(first, component).ifPresent(changed -> {
                    List<RealServer> reals = new ArrayList<>(base.realServers());
                    reals.set(0, changed);
                    VirtualServer variant = withRealServers(base, reals);
                    varied.add("RealServer." + component.getName());
                    check(base, variant, "RealServer." + component.getName());
                });
            }
        }
        int components = VirtualServer.class.getRecordComponents().length + RealServer.class.getRecordComponents().length;
        assertEquals(components, varied.size(), "components never varied (add a richer base or a value): " + varied);
    }

    @Test
    void aChangedWeightOrAnotherRealServerIsNotTheSame() {
        VirtualServer base = bases().get(0);
        assertFalse(TableInputs.same(base, withRealServers(base, List.of(real("192.168.1.11", 8080, 2),
                base.realServers().get(1)))));
        assertFalse(TableInputs.same(base, withRealServers(base, base.realServers().subList(0, 1))));
    }

    private static void check(VirtualServer base, VirtualServer variant, String component) {
        for (RealServerHealth health : HEALTHS) {
            if (!table(base, health).equals(table(variant, health))) {
                assertFalse(TableInputs.same(base, variant), component + " changes the table but is not compared");
                return;
            }
        }
    }

    private static Map<IpvsKey, DesiredService> table(VirtualServer vs, RealServerHealth health) {
        return DesiredTable.build(new LvsConfig(List.of(vs), List.of()), health, new QuorumTracker());
    }

    /** A plain NAT virtual server and one with every table feature set. */
    private static List<VirtualServer> bases() {
        VirtualServer plain = Lvs.virtual("10.0.0.1", 80, Scheduler.RR, real("192.168.1.11", 8080, 1),
                real("192.168.1.12", 8080, 1));
        RealServer tunneled = new RealServer(ip("192.168.1.21"), 8080, 3, Optional.of(ForwardingMethod.TUN), true,
                Optional.of("/bin/up"), Optional.of("/bin/down"), 10, 5, List.of(Lvs.tcpCheck(0, null)),
                Optional.of(new Tunnel(Tunnel.Type.GRE, 0, Tunnel.Checksum.CSUM)));
        VirtualServer rich = new VirtualServer(new ServiceKey.Address(ip("10.0.0.2"), 443), Duration.ofSeconds(6),
                Scheduler.WLC, ForwardingMethod.TUN,
                Optional.of(new Persistence(Duration.ofSeconds(300), Optional.of(ip("255.255.255.0")))), Protocol.TCP,
                Optional.of(new Endpoint(ip("192.168.9.9"), 0)), true, 2, 1, Optional.of("/bin/qup"),
                Optional.of("/bin/qdown"), true, true, true, true, Optional.of("www"), new SchedulerFlags(true, false, true),
                true, List.of(tunneled, real("192.168.1.22", 8080, 1)),
                Optional.of(new Tunnel(Tunnel.Type.GUE, 6080, Tunnel.Checksum.REMCSUM)));
        return List.of(plain, rich);
    }

    private static VirtualServer withRealServers(VirtualServer vs, List<RealServer> reals) {
        return rebuilt(vs, values -> {
            values[indexOf(VirtualServer.class, "realServers")] = reals;
            return values;
        });
    }

    private static int indexOf(Class<?> record, String name) {
        RecordComponent[] components = record.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static VirtualServer rebuilt(VirtualServer vs, UnaryOperator<Object[]> change) {
        return construct(vs, change).orElseThrow();
    }

    /** {@code record} with {@code component} changed, or empty when the model refuses that combination. */
    private static <R extends Record> Optional<R> variant(R record, RecordComponent component) {
        return construct(record, values -> {
            int i = indexOf(record.getClass(), component.getName());
            values[i] = other(component.getGenericType(), values[i]);
            return values;
        });
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> Optional<R> construct(R record, UnaryOperator<Object[]> change) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        try {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(record);
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return Optional.of((R) record.getClass().getDeclaredConstructor(types).newInstance(change.apply(values)));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                return Optional.empty(); // a combination the model refuses cannot reach the table
            }
            throw new AssertionError(e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A value of {@code type} other than {@code value}. */
    private static Object other(Type type, Object value) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type element = parameterized.getActualTypeArguments()[0];
            if (raw == Optional.class) {
                return ((Optional<?>) value).isPresent() ? Optional.empty() : Optional.of(sample((Class<?>) element));
            }
            if (raw == List.class) {
                List<Object> longer = new ArrayList<>((List<?>) value);
                longer.add(element == RealServer.class ? real("192.168.1.99", 8080, 1) : sample((Class<?>) element));
                return longer;
            }
        }
        Class<?> c = (Class<?>) type;
        if (c == boolean.class) {
            return !(Boolean) value;
        }
        if (c == int.class) {
            return (Integer) value + 1;
        }
        if (c == Duration.class) {
            return ((Duration) value).plusSeconds(1);
        }
        if (c.isEnum()) {
            return Arrays.stream(c.getEnumConstants()).filter(e -> e != value).findFirst().orElseThrow();
        }
        if (c == ServiceKey.class) {
            return new ServiceKey.Address(ip("10.0.0.77"), 80);
        }
        if (c == SchedulerFlags.class) {
            SchedulerFlags flags = (SchedulerFlags) value;
            return new SchedulerFlags(!flags.flag1(), flags.flag2(), flags.flag3());
        }
        if (c == InetAddress.class) {
            return value instanceof Inet6Address ? ip("2001:db8::99") : ip("192.168.1.98");
        }
        throw new AssertionError("no other value for " + type + ": extend TableInputsTest.other");
    }

    private static Object sample(Class<?> type) {
        if (type == Persistence.class) {
            return new Persistence(Duration.ofSeconds(300), Optional.empty());
        }
        if (type == Endpoint.class) {
            return new Endpoint(ip("192.168.9.8"), 8080);
        }
        if (type == String.class) {
            return "/bin/true";
        }
        if (type == Tunnel.class) {
            return new Tunnel(Tunnel.Type.GUE, 6080, Tunnel.Checksum.CSUM);
        }
        if (type == ForwardingMethod.class) {
            return ForwardingMethod.DR;
        }
        if (type == dev.fulcrum.api.model.lvs.HealthChecker.class) {
            return Lvs.tcpCheck(0, null);
        }
        throw new AssertionError("no sample of " + type + ": extend TableInputsTest.sample");
    }
}
