package dev.fulcrum.bench.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's input is what it claims: varied weights, varied requests, a well-formed RDP packet. */
class WorkloadTest {

    @Test
    void serversAreUsableWithWeightsSpreadOverHaproxysRange() {
        List<Workload.Server> servers = Workload.servers(1000);
        assertEquals(1000, servers.size());
        assertTrue(servers.stream().allMatch(ServerView::usable));
        assertTrue(servers.stream().allMatch(s -> s.weight() >= 1 && s.weight() <= 256));
        assertTrue(servers.stream().mapToInt(ServerView::weight).distinct().count() > 100);
        assertEquals(1000, servers.stream().map(ServerView::id).distinct().count());
    }

    @Test
    void requestsVaryInSourceAndUri() {
        RequestContext[] requests = Workload.requests();
        assertEquals(Workload.REQUESTS, requests.length);
        assertTrue(Arrays.stream(requests).map(RequestContext::sourceAddress).distinct().count() > Workload.REQUESTS / 2);
        assertTrue(Arrays.stream(requests).map(r -> r.path().orElseThrow()).distinct().count() > Workload.REQUESTS / 2);
        assertTrue(requests[0].query().orElseThrow().startsWith("id="));
        assertTrue(requests[0].header("HOST").orElseThrow().endsWith(".example.com"));
    }

    @Test
    void theRdpPacketIsATpktX224ConnectionRequestWithACookieLine() {
        ByteBuffer packet = Workload.requests()[0].payloadPrefix().orElseThrow();
        assertEquals(3, packet.get(0));
        assertEquals(0, packet.get(1));
        assertEquals(packet.remaining(), packet.getShort(2));
        assertEquals(packet.remaining() - 5, packet.get(4), "X.224 length indicator counts the bytes after it");
        assertEquals((byte) 0xE0, packet.get(5));
        byte[] line = new byte[packet.remaining() - 11];
        packet.slice(11, line.length).get(line);
        String text = new String(line, StandardCharsets.US_ASCII);
        assertTrue(text.matches("Cookie: mstshash=user\\d+\r\n"), text);
    }

    @Test
    void haproxyAlgorithmsGetTheirBalanceLineAndIpvsNone() {
        assertEquals(Algorithm.HDR, Workload.settings(new Subject("hdr", "HAPROXY", null)).balance().orElseThrow().algorithm());
        assertEquals("id", Workload.settings(new Subject("url_param", "HAPROXY", null)).balance().orElseThrow()
                .name().orElseThrow());
        assertTrue(Workload.settings(new Subject("wlc", "IPVS", null)).balance().isEmpty());
    }
}
