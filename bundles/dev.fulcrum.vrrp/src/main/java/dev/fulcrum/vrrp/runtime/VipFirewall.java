package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.os.Command;
import dev.fulcrum.api.os.ProcessResult;
import dev.fulcrum.api.os.ProcessRunner;
import dev.fulcrum.netlink.Namespace;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * keepalived.conf(5) {@code no_accept} (RFC 5798 section 6.4.3, Accept_Mode False: a master that is
 * not the address owner "MUST NOT accept packets addressed to the IPvX address(es) associated with
 * the virtual router"), as keepalived does it with a firewall: an nftables table of the instance's
 * own whose input chain drops what is addressed to the virtual addresses. The table lives as long
 * as the instance: the input hook only sees packets delivered locally, and a virtual address is
 * local only while this router is master, so the rule needs no change at each transition (and the
 * takeover does not wait for a process). ARP and the adverts (to 224.0.0.18, from the primary
 * address) are not IP traffic to a virtual address and pass.
 */
final class VipFirewall {

    private static final Logger LOG = System.getLogger(VipFirewall.class.getName());

    private final ProcessRunner runner;
    private final Namespace namespace;
    private final String table;

    /** @param table the nftables table's name; {@link #tableName} gives one per interface and VRID */
    VipFirewall(ProcessRunner runner, Namespace namespace, String table) {
        this.runner = runner;
        this.namespace = namespace;
        this.table = table;
    }

    /** One table per instance: interface index and VRID are unique among a namespace's instances of a family. */
    static String tableName(int interfaceIndex, int virtualRouterId, boolean ipv6) {
        return "fulcrum_vrrp_" + interfaceIndex + "_" + virtualRouterId + (ipv6 ? "_6" : "_4");
    }

    /**
     * The nft(8) script: create-then-delete makes it replace a table left by an earlier run, in one
     * transaction. IPv6 lets neighbour discovery through, which reaches the address itself.
     */
    static String script(String table, List<InetAddress> addresses) {
        List<String> rules = new ArrayList<>();
        String ipv4 = literals(addresses, true);
        String ipv6 = literals(addresses, false);
        if (!ipv4.isEmpty()) {
            rules.add("ip daddr { " + ipv4 + " } counter drop");
        }
        if (!ipv6.isEmpty()) {
            rules.add("ip6 daddr { " + ipv6 + " } icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert } accept");
            rules.add("ip6 daddr { " + ipv6 + " } counter drop");
        }
        StringBuilder script = new StringBuilder();
        script.append("table inet ").append(table).append('\n');
        script.append("delete table inet ").append(table).append('\n');
        script.append("table inet ").append(table).append(" {\n");
        script.append("    chain input {\n");
        script.append("        type filter hook input priority filter - 1; policy accept;\n");
        rules.forEach(rule -> script.append("        ").append(rule).append('\n'));
        script.append("    }\n}\n");
        return script.toString();
    }

    private static String literals(List<InetAddress> addresses, boolean ipv4) {
        return addresses.stream().filter(a -> (a instanceof Inet4Address) == ipv4).map(InetAddress::getHostAddress)
                .distinct().collect(Collectors.joining(", "));
    }

    /** Loads the table; a clear {@link IOException} when nft is missing or refuses it. */
    void install(List<InetAddress> addresses) throws IOException {
        Command command = inNamespace("nft", "-f", "-")
                .withInput(script(table, addresses).getBytes(StandardCharsets.US_ASCII));
        ProcessResult result;
        try {
            result = runner.run(command);
        } catch (IOException e) {
            throw new IOException("no_accept needs nftables (nft): " + e.getMessage(), e);
        }
        if (!result.succeeded()) {
            throw new IOException("no_accept: nft could not load table " + table + ": " + result.stderr().strip());
        }
    }

    /** Deletes the table; a failure is logged (the instance is going away anyway). */
    void remove() {
        try {
            ProcessResult result = runner.run(inNamespace("nft", "delete", "table", "inet", table));
            if (!result.succeeded()) {
                LOG.log(Level.WARNING, "no_accept: nft could not delete table " + table + ": "
                        + result.stderr().strip());
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "no_accept: nft could not delete table " + table + ": " + e.getMessage());
        }
    }

    /** nsenter(1) runs nft in the engine's namespace (named or a process's), the caller's own otherwise. */
    private Command inNamespace(String... argv) {
        List<String> command = new ArrayList<>();
        namespace.file().ifPresent(file -> command.addAll(List.of("nsenter", "--net=" + file)));
        command.addAll(List.of(argv));
        return Command.of(command);
    }
}
