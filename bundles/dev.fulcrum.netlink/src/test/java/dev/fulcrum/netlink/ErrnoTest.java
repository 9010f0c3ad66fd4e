package dev.fulcrum.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Numbers from asm-generic/errno-base.h and asm-generic/errno.h. */
class ErrnoTest {

    @Test
    void theErrorsNetlinkAnswersWithHaveTheirLinuxNumbers() {
        assertEquals(1, Errno.EPERM.number());
        assertEquals(2, Errno.ENOENT.number());
        assertEquals(3, Errno.ESRCH.number());
        assertEquals(12, Errno.ENOMEM.number());
        assertEquals(16, Errno.EBUSY.number());
        assertEquals(17, Errno.EEXIST.number());
        assertEquals(19, Errno.ENODEV.number());
        assertEquals(22, Errno.EINVAL.number());
        assertEquals(95, Errno.EOPNOTSUPP.number());
        assertEquals(97, Errno.EAFNOSUPPORT.number());
        assertEquals(99, Errno.EADDRNOTAVAIL.number());
        assertEquals(105, Errno.ENOBUFS.number());
    }

    @Test
    void namesAndDescriptionsByNumberWithAFallbackForUnknownOnes() {
        assertEquals("EEXIST", Errno.nameOf(17));
        assertEquals("File exists", Errno.describe(17));
        assertEquals("errno 4000", Errno.nameOf(4000));
        assertEquals("unknown error 4000", Errno.describe(4000));
    }

    @Test
    void numbersAreUnique() {
        Set<Integer> seen = new HashSet<>();
        for (Errno errno : Errno.values()) {
            assertEquals(true, seen.add(errno.number()), errno + " repeats a number");
        }
    }
}
