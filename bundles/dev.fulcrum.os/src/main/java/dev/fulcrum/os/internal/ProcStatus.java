package dev.fulcrum.os.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lines of {@code /proc/self/status} that say what this process may do (format: proc(5);
 * produced by fs/proc/array.c, task_state() and task_cap()).
 *
 * @param effectiveUid          second number of the {@code Uid:} line (real, effective, saved, fs)
 * @param effectiveCapabilities the {@code CapEff:} mask, bit n = capability number n
 */
record ProcStatus(long effectiveUid, long effectiveCapabilities) {

    /** include/uapi/linux/capability.h: #define CAP_NET_ADMIN 12 */
    static final int CAP_NET_ADMIN = 12;
    /** include/uapi/linux/capability.h: #define CAP_NET_RAW 13 */
    static final int CAP_NET_RAW = 13;

    /** {@code <root>/proc/self/status}: "/" in production, a fake tree in tests. */
    static Path file(Path root) {
        return root.resolve("proc/self/status");
    }

    static ProcStatus read(Path root) throws IOException {
        Path file = file(root);
        return parse(Files.readAllLines(file), file);
    }

    static ProcStatus parse(List<String> lines, Path source) throws IOException {
        Long uid = null;
        Long capEff = null;
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            try {
                if (fields[0].equals("Uid:") && fields.length >= 3) {
                    uid = Long.parseLong(fields[2]);
                } else if (fields[0].equals("CapEff:") && fields.length >= 2) {
                    // 64 hex digits' worth of bits; capability 63 would set the sign bit.
                    capEff = Long.parseUnsignedLong(fields[1], 16);
                }
            } catch (NumberFormatException e) {
                throw new IOException(source + ": cannot parse '" + line.trim() + "'", e);
            }
        }
        if (uid == null) {
            throw new IOException(source + ": no Uid: line");
        }
        if (capEff == null) {
            throw new IOException(source + ": no CapEff: line");
        }
        return new ProcStatus(uid, capEff);
    }

    boolean root() {
        return effectiveUid == 0;
    }

    boolean hasCapability(int number) {
        return (effectiveCapabilities & (1L << number)) != 0;
    }
}
