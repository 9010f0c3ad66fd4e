package dev.fulcrum.os.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.host.Feature;
import dev.fulcrum.api.host.HostCapabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeMainTest {

    @Test
    void printsOneKeyValueLinePerFact() {
        HostCapabilities host = new HostCapabilities(false, true, false,
                Feature.missing("no ip_vs in kernel 6.1.0 (CONFIG_IP_VS not set?)"),
                Feature.available("nft installed,\nnf_tables loaded"));
        assertEquals(List.of(
                "root=false",
                "netAdmin=true",
                "netRaw=false",
                "ipvs=false",
                "ipvs.detail=no ip_vs in kernel 6.1.0 (CONFIG_IP_VS not set?)",
                "nftables=true",
                "nftables.detail=nft installed, nf_tables loaded"), ProbeMain.lines(host));
    }
}
