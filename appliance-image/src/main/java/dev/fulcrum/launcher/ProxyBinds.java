package dev.fulcrum.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses the proxy will listen on, read from the configuration directory's haproxy.cfg
 * for the start-up report: {@code bind ADDR:PORT} lines and the {@code frontend|listen NAME
 * ADDR:PORT} short form (HAProxy configuration.txt section 4.2 "bind"). Only a report: the
 * configuration service parses and validates the file, and says so when it refuses it.
 */
final class ProxyBinds {

    private ProxyBinds() {
    }

    /** @return "127.0.0.1:8080 (haproxy.cfg)"-style text, or what is missing */
    static String describe(Path configuration) {
        Path file = configuration.resolve("haproxy.cfg");
        if (!Files.isRegularFile(file)) {
            return "no haproxy.cfg in the configuration directory: the proxy listens nowhere";
        }
        try {
            List<String> binds = binds(Files.readAllLines(file));
            return binds.isEmpty() ? "no bind line in " + file
                    : String.join(", ", binds) + " (proxy, from " + file + ")";
        } catch (IOException | RuntimeException e) {
            return "cannot read " + file + ": " + e.getMessage();
        }
    }

    static List<String> binds(List<String> lines) {
        List<String> binds = new ArrayList<>();
        for (String line : lines) {
            int comment = line.indexOf('#');
            String[] words = (comment >= 0 ? line.substring(0, comment) : line).trim().split("\\s+");
            if (words[0].equals("bind") && words.length > 1) {
                binds.add(words[1]);
            } else if ((words[0].equals("frontend") || words[0].equals("listen")) && words.length > 2) {
                binds.add(words[2]);
            }
        }
        return binds;
    }
}
