package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.lvs.VirtualServerGroup;
import dev.fulcrum.config.keepalived.Statement;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * keepalived.conf(5) {@code virtual_server_group <NAME> { <IPADDR> [<PORT>]; <IPADDR RANGE> [<PORT>];
 * fwmark <INT> }}; a range {@code 192.168.1.1-10} ends at the given last octet (IPv6: last hextet).
 * All addresses of a group must be of one family.
 */
final class ServerGroupMapper {

    private final Args args;

    ServerGroupMapper(Args args) {
        this.args = args;
    }

    Optional<VirtualServerGroup> map(Statement s) {
        Optional<String> name = args.one(s, "a group name").map(t -> t.text());
        boolean ok = name.isPresent();
        List<VirtualServerGroup.Member> members = new ArrayList<>();
        int family = 0;
        for (Statement m : s.block()) {
            if (m.keyword().equals("fwmark")) {
                Optional<Long> mark = args.one(m, "an integer 1..4294967295")
                        .flatMap(t -> args.longValue(t, 1, 0xFFFF_FFFFL));
                ok &= mark.isPresent();
                mark.ifPresent(v -> members.add(new VirtualServerGroup.Fwmark(v)));
                continue;
            }
            Optional<VirtualServerGroup.AddressRange> range = range(m);
            ok &= range.isPresent();
            if (range.isPresent()) {
                int length = range.get().first().getAddress().length;
                if (family != 0 && length != family) {
                    args.error(m, "address family differs from the group's first address");
                    ok = false;
                }
                family = family == 0 ? length : family;
                members.add(range.get());
            }
        }
        return ok ? Optional.of(new VirtualServerGroup(name.get(), members)) : Optional.empty();
    }

    private Optional<VirtualServerGroup.AddressRange> range(Statement m) {
        if (!args.count(m, 0, 1, "[<PORT>]")) {
            return Optional.empty();
        }
        String text = m.keyword();
        int dash = text.lastIndexOf('-');
        Optional<InetAddress> first = Args.parseAddress(dash < 0 ? text : text.substring(0, dash));
        if (first.isEmpty()) {
            args.error(m, "expected <IPADDR>[-<LAST>] [<PORT>] or fwmark <INT>");
            return Optional.empty();
        }
        InetAddress last = first.get();
        if (dash >= 0) {
            Optional<InetAddress> end = last(first.get(), text.substring(dash + 1));
            if (end.isEmpty()) {
                args.error(m, "expected a range end after '-' not below the first address ("
                        + (first.get().getAddress().length == 4 ? "0..255" : "hex 0..ffff") + ")");
                return Optional.empty();
            }
            last = end.get();
        }
        int port = 0;
        if (m.arguments().size() == 1) {
            Optional<Integer> p = args.port(m.arguments().get(0));
            if (p.isEmpty()) {
                return Optional.empty();
            }
            port = p.get();
        }
        return Optional.of(new VirtualServerGroup.AddressRange(first.get(), last, port));
    }

    /** The address with its last octet (IPv4) or hextet (IPv6) replaced by {@code end}. */
    private static Optional<InetAddress> last(InetAddress first, String end) {
        byte[] bytes = first.getAddress();
        boolean v4 = bytes.length == 4;
        if (!end.matches(v4 ? "\\d{1,3}" : "[0-9a-fA-F]{1,4}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(end, v4 ? 10 : 16);
        int start = v4 ? bytes[3] & 0xFF : ((bytes[14] & 0xFF) << 8) | (bytes[15] & 0xFF);
        if (value > (v4 ? 255 : 0xFFFF) || value < start) {
            return Optional.empty();
        }
        if (v4) {
            bytes[3] = (byte) value;
        } else {
            bytes[14] = (byte) (value >> 8);
            bytes[15] = (byte) value;
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }
}
