package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.api.os.Command;
import dev.fulcrum.api.os.ProcessResult;
import dev.fulcrum.api.os.ProcessRunner;
import dev.fulcrum.netlink.Namespace;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The no_accept table's text and how nft is run; that the kernel drops the traffic is shown by the
 * system test (NoAcceptExcludedTest).
 */
class VipFirewallTest {

    @Test
    void theScriptReplacesTheTableAndDropsWhatIsAddressedToTheAddresses() throws Exception {
        String script = VipFirewall.script("fulcrum_vrrp_2_51_4", List.of(InetAddress.getByName("192.0.2.100"),
                InetAddress.getByName("198.51.100.9"), InetAddress.getByName("192.0.2.100")));
        assertEquals("""
                table inet fulcrum_vrrp_2_51_4
                delete table inet fulcrum_vrrp_2_51_4
                table inet fulcrum_vrrp_2_51_4 {
                    chain input {
                        type filter hook input priority filter - 1; policy accept;
                        ip daddr { 192.0.2.100, 198.51.100.9 } counter drop
                    }
                }
                """, script);
    }

    @Test
    void ipv6KeepsNeighbourDiscovery() throws Exception {
        String script = VipFirewall.script("t", List.of(InetAddress.getByName("2001:db8::1")));
        assertEquals(true, script.contains("ip6 daddr { 2001:db8:0:0:0:0:0:1 } icmpv6 type { nd-neighbor-solicit, "
                + "nd-neighbor-advert } accept\n        ip6 daddr { 2001:db8:0:0:0:0:0:1 } counter drop\n"), script);
    }

    @Test
    void nftRunsInTheEnginesNamespaceWithTheScriptOnItsInput() throws Exception {
        List<Command> commands = new ArrayList<>();
        VipFirewall firewall = new VipFirewall(recording(commands, 0, ""), Namespace.named("h1"), "t");
        firewall.install(List.of(InetAddress.getByName("192.0.2.100")));
        firewall.remove();
        assertEquals(List.of("nsenter", "--net=/var/run/netns/h1", "nft", "-f", "-"), commands.get(0).argv());
        assertEquals(VipFirewall.script("t", List.of(InetAddress.getByName("192.0.2.100"))),
                new String(commands.get(0).stdin(), StandardCharsets.US_ASCII));
        assertEquals(List.of("nsenter", "--net=/var/run/netns/h1", "nft", "delete", "table", "inet", "t"),
                commands.get(1).argv());
    }

    @Test
    void aRefusedTableOrAMissingNftIsAClearError() throws Exception {
        List<InetAddress> vip = List.of(InetAddress.getByName("192.0.2.100"));
        IOException refused = assertThrows(IOException.class, () -> new VipFirewall(
                recording(new ArrayList<>(), 1, "Error: Could not process rule: Operation not permitted\n"),
                Namespace.current(), "t").install(vip));
        assertEquals("no_accept: nft could not load table t: Error: Could not process rule: Operation not permitted",
                refused.getMessage());
        ProcessRunner missing = new ProcessRunner() {
            @Override
            public ProcessResult run(Command command) throws IOException {
                throw new IOException("Cannot run program \"nft\": error=2, No such file or directory");
            }

            @Override
            public boolean isInstalled(String program) {
                return false;
            }
        };
        IOException absent = assertThrows(IOException.class,
                () -> new VipFirewall(missing, Namespace.current(), "t").install(vip));
        assertEquals("no_accept needs nftables (nft): Cannot run program \"nft\": error=2, No such file or directory",
                absent.getMessage());
    }

    private static ProcessRunner recording(List<Command> commands, int exitCode, String stderr) {
        return new ProcessRunner() {
            @Override
            public ProcessResult run(Command command) {
                commands.add(command);
                return new ProcessResult(exitCode, "", stderr, Duration.ZERO, false);
            }

            @Override
            public boolean isInstalled(String program) {
                return true;
            }
        };
    }
}
