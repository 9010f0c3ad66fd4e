package dev.fulcrum.config.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of {@code fulcrum check}, parsed.
 *
 * @param inputs    the files in the order given, each with a kind when the user forced one
 * @param lenient   unsupported keywords are warnings instead of errors
 * @param configIds keepalived's {@code -i/--config-id}: the ids whose {@code @id} lines are active
 */
public record CheckRequest(List<Input> inputs, boolean lenient, Set<String> configIds) {

    /** One file; {@code kind} is empty when it is to be detected from the content. */
    public record Input(Path file, Optional<ConfigKind> kind) {
    }

    public static final String USAGE = "usage: check [--lenient] [--config-id ID]... "
            + "(-f FILE | --keepalived FILE | --haproxy FILE | FILE)...";

    public CheckRequest {
        inputs = List.copyOf(inputs);
        configIds = Set.copyOf(configIds);
    }

    /**
     * @param defaultConfigIds used when no {@code --config-id} is given (keepalived's default: the
     *                         host name up to the first dot)
     * @throws IllegalArgumentException with a message for the user on a malformed command line
     */
    public static CheckRequest parse(List<String> args, Set<String> defaultConfigIds) {
        List<Input> inputs = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        boolean lenient = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--lenient" -> lenient = true;
                case "-f", "--file" -> inputs.add(new Input(Path.of(value(args, ++i, arg)), Optional.empty()));
                case "--keepalived" -> inputs.add(new Input(Path.of(value(args, ++i, arg)), Optional.of(ConfigKind.KEEPALIVED)));
                case "--haproxy" -> inputs.add(new Input(Path.of(value(args, ++i, arg)), Optional.of(ConfigKind.HAPROXY)));
                case "-i", "--config-id" -> ids.add(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                    }
                    inputs.add(new Input(Path.of(arg), Optional.empty()));
                }
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no configuration file given\n" + USAGE);
        }
        return new CheckRequest(inputs, lenient, ids.isEmpty() ? defaultConfigIds : ids);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(index);
    }
}
