package dev.fulcrum.config.confdir;

import dev.fulcrum.api.config.ConfigProblem;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What reading the configuration directory led to.
 *
 * @param kind     applied as a new revision, unchanged, rejected for the files' problems, refused by
 *                 the configuration service (valid files this box cannot run yet), or failed to be stored
 * @param revision the revision now current (0 when there is none)
 * @param problems for {@link Kind#REJECTED} and {@link Kind#REFUSED} every problem, otherwise the warnings
 * @param detail   why it failed ({@link Kind#FAILED}), otherwise empty
 */
record ApplyOutcome(Kind kind, long revision, List<ConfigProblem> problems, String detail) {

    enum Kind {
        APPLIED,
        UNCHANGED,
        REJECTED,
        REFUSED,
        FAILED
    }

    ApplyOutcome {
        Objects.requireNonNull(kind, "kind");
        problems = List.copyOf(problems);
        Objects.requireNonNull(detail, "detail");
    }

    /** Whether the files did not make it into a revision (the config subsystem is then DEGRADED). */
    boolean refused() {
        return kind == Kind.REJECTED || kind == Kind.REFUSED || kind == Kind.FAILED;
    }

    /**
     * Whether the same files may succeed later: the service refused them (e.g. the bundle with an
     * algorithm is still starting) or could not store them. Problems in the files need a change.
     */
    boolean worthRetrying() {
        return kind == Kind.REFUSED || kind == Kind.FAILED;
    }

    /** The files the errors are in (as located, e.g. {@code /etc/fulcrum/haproxy.cfg}), in the order found. */
    List<String> rejectedFiles() {
        return problems.stream().filter(p -> p.severity() == ConfigProblem.Severity.ERROR)
                .map(p -> p.location().source()).distinct().toList();
    }

    /** One line for the status and the log. */
    String summary() {
        return switch (kind) {
            case APPLIED -> "configuration directory applied as revision " + revision;
            case UNCHANGED -> "configuration directory unchanged" + (revision == 0 ? "" : " (revision " + revision + ")");
            case REJECTED -> String.join(", ", rejectedFiles()) + " rejected: " + count(errors(), "error")
                    + currentStays();
            case REFUSED -> "configuration directory refused: " + count(errors(), "error") + currentStays();
            case FAILED -> "configuration directory not applied: " + detail + currentStays();
        };
    }

    /** The summary and then every problem, one a line (what fulcrum:apply prints). */
    String report() {
        return problems.stream().map(p -> p.format() + "\n").collect(Collectors.joining()) + summary() + "\n";
    }

    private String currentStays() {
        return revision == 0 ? "; no revision current" : "; revision " + revision + " stays current";
    }

    private long errors() {
        return problems.stream().filter(p -> p.severity() == ConfigProblem.Severity.ERROR).count();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
