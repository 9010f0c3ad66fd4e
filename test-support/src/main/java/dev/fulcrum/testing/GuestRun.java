package dev.fulcrum.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * What a script run in the QEMU guest left behind.
 *
 * @param exitCode the script's exit status
 * @param stdout the script's standard output
 * @param stderr the script's standard error, followed by the rig's own messages
 * @param files what the script wrote under $FULCRUM_GUEST_OUT, by path relative to it
 * @param elapsed boot, run and power-off, as the host measured it
 */
public record GuestRun(int exitCode, String stdout, String stderr, Map<String, byte[]> files, Duration elapsed) {

    public GuestRun {
        files = Map.copyOf(files);
    }

    /** The bytes of a result file; fails naming the files there are. */
    public byte[] file(String name) {
        byte[] content = files.get(name);
        if (content == null) {
            throw new NoSuchElementException("the guest wrote no " + name + "; it wrote " + new TreeMap<>(files).keySet());
        }
        return content.clone();
    }

    /** A result file as UTF-8 text. */
    public String text(String name) {
        return new String(file(name), StandardCharsets.UTF_8);
    }
}
