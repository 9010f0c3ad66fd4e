package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code global} section (configuration.txt 3 "Global parameters").
 *
 * @param logTargets  3.1 "log", in file order; what {@code log global} in a proxy refers to
 * @param maxconn     3.2 "maxconn", at least 1
 * @param user        3.1 "user": the account HAProxy drops privileges to
 * @param group       3.1 "group"
 * @param daemon      3.1 "daemon": run in the background
 * @param chroot      3.1 "chroot": directory to chroot into after start
 * @param nbthread    3.1 "nbthread"; empty: HAProxy 2.6 starts one thread per CPU it may use
 * @param statsSocket 3.1 "stats socket"
 */
public record ProxyGlobal(List<LogTarget> logTargets, int maxconn, Optional<String> user, Optional<String> group,
        boolean daemon, Optional<String> chroot, OptionalInt nbthread, Optional<StatsSocket> statsSocket) {

    /**
     * The global maxconn when the file sets none. HAProxy 2.6 derives it from the file-descriptor
     * limit ({@code ulimit -n}) and memory limit at start-up (configuration.txt 3.2 "maxconn"), which
     * a desired-state model cannot know; Fulcrum uses the fixed 2000 that the seed documents (RHEL 7
     * Load Balancer Administration 5.2, "By default, the maximum is 2000"), the compiled-in
     * DEFAULT_MAXCONN of the HAProxy 1.5 it describes.
     */
    public static final int DEFAULT_MAXCONN = 2000;

    /** 2.6's MAX_THREADS on 64-bit builds. */
    public static final int MAX_THREADS = 64;

    public ProxyGlobal {
        logTargets = List.copyOf(logTargets);
        Checks.range("global maxconn", maxconn, 1, Integer.MAX_VALUE);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(chroot, "chroot");
        Objects.requireNonNull(nbthread, "nbthread");
        Objects.requireNonNull(statsSocket, "statsSocket");
        if (nbthread.isPresent()) {
            Checks.range("nbthread", nbthread.getAsInt(), 1, MAX_THREADS);
        }
    }

    /** What an empty or absent global section means. */
    public static ProxyGlobal defaults() {
        return new ProxyGlobal(List.of(), DEFAULT_MAXCONN, Optional.empty(), Optional.empty(), false, Optional.empty(),
                OptionalInt.empty(), Optional.empty());
    }
}
