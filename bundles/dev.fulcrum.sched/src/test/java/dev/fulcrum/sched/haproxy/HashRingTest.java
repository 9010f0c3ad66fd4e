package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ring's bucket index finds the same point as a plain scan from the start of the ring. */
class HashRingTest {

    @Test
    void bucketIndexAgreesWithASingleBucket() {
        List<Roster.Member> members = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            members.add(new Roster.Member(new TestServer("s" + i, 1 + i % 7), i, 1 + i % 7));
        }
        HashRing indexed = HashRing.of(members);
        HashRing scanned = HashRing.of(members, 1);
        SplittableRandom random = new SplittableRandom(Picking.SEED);

        for (int i = 0; i < 20_000; i++) {
            long hash = random.nextLong();
            assertEquals(scanned.lookup(hash), indexed.lookup(hash), Long.toHexString(hash));
        }
        assertEquals(scanned.lookup(Long.MAX_VALUE), indexed.lookup(Long.MAX_VALUE), "wraps round");
        assertEquals(scanned.lookup(Long.MIN_VALUE), indexed.lookup(Long.MIN_VALUE));
    }
}
