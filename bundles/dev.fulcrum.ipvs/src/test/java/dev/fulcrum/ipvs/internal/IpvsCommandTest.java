package dev.fulcrum.ipvs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.ipvs.FakeIpvsKernel;
import dev.fulcrum.ipvs.IpvsClient;
import dev.fulcrum.ipvs.IpvsDestination;
import dev.fulcrum.ipvs.IpvsForwarding;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fulcrum:ipvs reads the table through the subsystem's client and prints it like ipvsadm -Ln. */
class IpvsCommandTest {

    @Test
    void printsTheKernelTable() throws Exception {
        FakeIpvsKernel kernel = new FakeIpvsKernel();
        IpvsKey key = new IpvsKey.Address(Protocol.TCP, Lvs.ip("10.0.0.1"), 80);
        IpvsClient client = IpvsClient.open(kernel);
        client.addService(IpvsService.of(key, "rr"));
        client.addDestination(key, IpvsDestination.of(Lvs.ip("192.168.1.11"), 8080, IpvsForwarding.MASQ, 7));
        IpvsCommand command = new IpvsCommand(new IpvsSubsystem(() -> kernel, List.<String>of()::add, false));

        assertEquals("""
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  10.0.0.1:80 rr
                  -> 192.168.1.11:8080            Masq    7      0          0        \s
                """, command.ipvs("-Ln"));
    }

    @Test
    void withoutIpvsItSaysWhy() {
        IpvsCommand command = new IpvsCommand(new IpvsSubsystem(() -> new FakeIpvsKernel(false), s -> { }, false));

        assertEquals("fulcrum:ipvs: IPVS is not available on this host: generic netlink family \"IPVS\" not found"
                + " (is its kernel module loaded?)\n", command.ipvs());
    }

    @Test
    void unknownOptionIsAClearError() {
        IpvsCommand command = new IpvsCommand(new IpvsSubsystem(() -> new FakeIpvsKernel(), s -> { }, false));

        assertEquals("fulcrum:ipvs: unknown option --bogus\nusage: fulcrum:ipvs [--stats | --rate | --persistent-conn | --timeout | --daemon]"
                + " [--exact]\n",
                command.ipvs("--bogus"));
    }
}
