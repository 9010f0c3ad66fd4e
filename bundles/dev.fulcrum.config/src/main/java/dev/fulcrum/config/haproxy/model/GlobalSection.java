package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.proxy.StatsSocket;
import dev.fulcrum.config.haproxy.IntegerValue;
import dev.fulcrum.config.haproxy.Line;
import dev.fulcrum.config.haproxy.Section;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code global} section (configuration.txt 3): log, maxconn, user, group, daemon, chroot,
 * nbthread and {@code stats socket PATH [level user|operator|admin]}. Every other keyword
 * (ssl-default-bind-*, tune.*, ...) is reported as unsupported. Several global sections are read
 * in order, a later line overriding an earlier one as HAProxy does.
 */
final class GlobalSection {

    private static final String CONTEXT = "global section";

    private final List<LogTarget> logTargets = new ArrayList<>();
    private int maxconn = ProxyGlobal.DEFAULT_MAXCONN;
    private Optional<String> user = Optional.empty();
    private Optional<String> group = Optional.empty();
    private boolean daemon;
    private Optional<String> chroot = Optional.empty();
    private OptionalInt nbthread = OptionalInt.empty();
    private Optional<StatsSocket> statsSocket = Optional.empty();

    private GlobalSection() {
    }

    static ProxyGlobal map(List<Section> globals, ProblemCollector problems) {
        GlobalSection global = new GlobalSection();
        for (Section section : globals) {
            section.lines().forEach(line -> global.apply(line, problems));
        }
        return new ProxyGlobal(global.logTargets, global.maxconn, global.user, global.group, global.daemon,
                global.chroot, global.nbthread, global.statsSocket);
    }

    private void apply(Line line, ProblemCollector problems) {
        switch (line.keyword()) {
            case "log":
                LogLines.target(line, CONTEXT, problems).ifPresent(logTargets::add);
                return;
            case "maxconn":
                integer(line, 1, Integer.MAX_VALUE, problems).ifPresent(v -> maxconn = v);
                return;
            case "nbthread":
                integer(line, 1, ProxyGlobal.MAX_THREADS, problems).ifPresent(v -> nbthread = OptionalInt.of(v));
                return;
            case "user":
                user = word(line, "a user name", problems).or(() -> user);
                return;
            case "group":
                group = word(line, "a group name", problems).or(() -> group);
                return;
            case "chroot":
                chroot = word(line, "a directory", problems).or(() -> chroot);
                return;
            case "daemon":
                if (Words.noMore(line, 0, "daemon", problems)) {
                    daemon = true;
                }
                return;
            case "stats":
                stats(line, problems);
                return;
            default:
                problems.unsupported(line.location(), line.keyword(), CONTEXT);
        }
    }

    private static Optional<Integer> integer(Line line, int min, int max, ProblemCollector problems) {
        Optional<Token> value = Words.require(line, 0, line.keyword(), "an integer from " + min + " to " + max,
                problems);
        if (value.isEmpty() || !Words.noMore(line, 1, line.keyword(), problems)) {
            return Optional.empty();
        }
        OptionalInt parsed = IntegerValue.parse(value.get(), min, max, problems);
        return parsed.isPresent() ? Optional.of(parsed.getAsInt()) : Optional.empty();
    }

    private static Optional<String> word(Line line, String expected, ProblemCollector problems) {
        Optional<Token> value = Words.require(line, 0, line.keyword(), expected, problems);
        if (value.isEmpty() || !Words.noMore(line, 1, line.keyword(), problems)) {
            return Optional.empty();
        }
        if (value.get().text().isBlank()) {
            problems.error(value.get().location(), "", "empty value for '" + line.keyword() + "': expected " + expected);
            return Optional.empty();
        }
        return Optional.of(value.get().text());
    }

    /** 3.1 "stats socket [&lt;address:port&gt;|&lt;path&gt;] [param*]" with the level parameter only. */
    private void stats(Line line, ProblemCollector problems) {
        Optional<Token> what = Words.require(line, 0, "stats", "socket PATH [level LEVEL]", problems);
        if (what.isEmpty()) {
            return;
        }
        if (!what.get().text().equals("socket")) {
            problems.unsupported(what.get().location(), "stats " + what.get().text(), CONTEXT);
            return;
        }
        Optional<Token> path = Words.require(line, 1, "stats socket", "a socket path or address", problems);
        if (path.isEmpty()) {
            return;
        }
        String level = StatsSocket.DEFAULT_LEVEL;
        for (int i = 2; i < line.arguments().size(); i++) {
            Token word = line.arguments().get(i);
            if (!word.text().equals("level")) {
                problems.unsupported(word.location(), "stats socket " + word.text(), CONTEXT);
                return;
            }
            Optional<Token> value = Words.require(line, ++i, "stats socket level", "user, operator or admin", problems);
            if (value.isEmpty()) {
                return;
            }
            if (!StatsSocket.LEVELS.contains(value.get().text())) {
                problems.error(value.get().location(), value.get().text(), "unknown stats socket level: expected user,"
                        + " operator or admin");
                return;
            }
            level = value.get().text();
        }
        statsSocket = Optional.of(new StatsSocket(path.get().text(), level));
    }
}
