package dev.fulcrum.config.store;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names inside a revision directory, pure. One file per revision, {@code 0000000042.rev}
 * (zero-padded so that {@code ls} sorts them), a {@code current} pointer holding the number of the
 * current revision, two lock files, and {@code *.tmp} files that exist only while a write is in
 * flight (or after a crash cut one short).
 */
final class RevisionLayout {

    static final String POINTER = "current";
    static final String PROCESS_LOCK = "store.lock";
    static final String JVM_LOCK = "jvm.lock";
    static final String TEMP_SUFFIX = ".tmp";
    /** Ten digits: the padding of the file names. A store appending once a second lasts 300 years. */
    static final long MAX_NUMBER = 9_999_999_999L;

    private static final Pattern REVISION_FILE = Pattern.compile("([0-9]{10})\\.rev");
    private static final Pattern POINTER_TEXT = Pattern.compile("([0-9]{10})\n");

    private RevisionLayout() {
    }

    static String fileName(long number) {
        checkRange(number);
        return String.format("%010d.rev", number);
    }

    /** The revision number a file name stands for, or empty for any other file. */
    static OptionalLong parseFileName(String name) {
        Matcher m = REVISION_FILE.matcher(name);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long number = Long.parseLong(m.group(1));
        return number == 0 ? OptionalLong.empty() : OptionalLong.of(number);
    }

    static String tempName(String name) {
        return name + TEMP_SUFFIX;
    }

    static boolean isTemp(String name) {
        return name.endsWith(TEMP_SUFFIX);
    }

    static byte[] pointerBytes(long number) {
        checkRange(number);
        return String.format("%010d\n", number).getBytes(StandardCharsets.US_ASCII);
    }

    static long parsePointer(byte[] bytes) throws RevisionFormatException {
        Matcher m = POINTER_TEXT.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        long number = m.matches() ? Long.parseLong(m.group(1)) : 0;
        if (number == 0) {
            throw new RevisionFormatException("pointer is not a ten-digit revision number and a newline ("
                    + bytes.length + " bytes)");
        }
        return number;
    }

    private static void checkRange(long number) {
        if (number < 1 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("revision number " + number + " outside 1.." + MAX_NUMBER);
        }
    }
}
