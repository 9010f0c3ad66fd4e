package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.vrrp.VrrpTrackFile;
import dev.fulcrum.config.keepalived.Statement;
import dev.fulcrum.config.keepalived.Token;
import java.util.List;
import java.util.Optional;

/**
 * keepalived.conf(5) "Track files": {@code track_file <NAME> { file <PATH>; weight <-254..254> [reverse];
 * init_file [VALUE] [overwrite] }}, also under its older name {@code vrrp_track_file}, to {@link VrrpTrackFile}.
 * keepalived 2.2.7 refuses a weight outside -254..254 although the man page allows any int (that range is
 * for real servers, which Fulcrum does not let track files).
 */
final class TrackFileMapper {

    private static final String WEIGHT = "<-254..254> [reverse]";
    private static final String INIT = "[VALUE] [overwrite]";

    private final Args args;

    TrackFileMapper(Args args) {
        this.args = args;
    }

    Optional<VrrpTrackFile> map(Statement s) {
        Optional<String> name = args.one(s, "a track file name").map(Token::text);
        String owner = s.keyword() + " " + name.orElse("");
        Optional<String> file = Optional.empty();
        int weight = VrrpTrackFile.DEFAULT_WEIGHT;
        boolean reverse = false;
        Optional<VrrpTrackFile.Init> init = Optional.empty();
        boolean ok = name.isPresent();
        for (Statement c : s.block()) {
            switch (c.keyword()) {
                case "file":
                    file = args.one(c, "a file path").map(Token::text);
                    ok &= file.isPresent();
                    break;
                case "weight":
                    if (!args.count(c, 1, 2, WEIGHT)) {
                        ok = false;
                        break;
                    }
                    Optional<Integer> w = args.integer(c.arguments().get(0), -VrrpTrackFile.MAX_WEIGHT,
                            VrrpTrackFile.MAX_WEIGHT);
                    ok &= w.isPresent();
                    weight = w.orElse(weight);
                    if (c.arguments().size() == 2) {
                        Optional<String> option = args.choice(c.arguments().get(1), List.of("reverse", "noreverse"));
                        ok &= option.isPresent();
                        reverse = option.filter("reverse"::equals).isPresent();
                    }
                    break;
                case "init_file":
                    init = init(c);
                    ok &= init.isPresent();
                    break;
                default: args.problems().unsupported(c.location(), c.keyword(), owner);
            }
        }
        if (ok && file.isEmpty()) {
            args.error(s, owner + ": file is required");
            ok = false;
        }
        return ok ? Optional.of(new VrrpTrackFile(name.get(), file.get(), weight, reverse, init)) : Optional.empty();
    }

    /** {@code init_file [VALUE] [overwrite]}: VALUE defaults to 0; either word may be left out. */
    private Optional<VrrpTrackFile.Init> init(Statement c) {
        if (!args.count(c, 0, 2, INIT)) {
            return Optional.empty();
        }
        List<Token> words = c.arguments();
        boolean overwrite = !words.isEmpty() && words.get(words.size() - 1).text().equals("overwrite");
        List<Token> values = overwrite ? words.subList(0, words.size() - 1) : words;
        if (values.size() > 1) {
            args.error(values.get(1), "init_file: expected " + INIT);
            return Optional.empty();
        }
        if (values.isEmpty()) {
            return Optional.of(new VrrpTrackFile.Init(0, overwrite));
        }
        return args.integer(values.get(0), Integer.MIN_VALUE, Integer.MAX_VALUE)
                .map(value -> new VrrpTrackFile.Init(value, overwrite));
    }
}
