package dev.fulcrum.vrrp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Wireshark's command-line dissector (Debian package tshark) over a pcap file: one output line per packet. */
final class Tshark {

    private Tshark() {
    }

    /** {@code tshark -n -r FILE ARGUMENTS...}; fails the test unless it exits with 0. */
    static List<String> read(Path file, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString()));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("tshark is needed for this test (Debian package tshark): " + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("tshark did not finish");
        }
        assertEquals(0, process.exitValue(), "tshark exit status; output: " + output);
        return output.lines().toList();
    }
}
