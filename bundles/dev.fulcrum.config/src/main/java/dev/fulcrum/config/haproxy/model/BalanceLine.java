package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.config.haproxy.IntegerValue;
import dev.fulcrum.config.haproxy.Line;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * configuration.txt 4.2 "balance &lt;algorithm&gt; [ &lt;arguments&gt; ]": roundrobin, static-rr, leastconn,
 * first, source (no arguments); uri [len N] [depth N] [whole]; url_param NAME [check_post];
 * hdr(NAME) [use_domain_only]; rdp-cookie[(NAME)]; random[(DRAWS)]; hash EXPR.
 */
final class BalanceLine {

    static final String EXPECTED = "expected roundrobin, static-rr, leastconn, first, source, uri, url_param,"
            + " hdr(NAME), rdp-cookie[(NAME)], random[(DRAWS)] or hash";

    private BalanceLine() {
    }

    static Optional<Balance> parse(Line line, ProblemCollector problems) {
        Optional<Token> first = Words.require(line, 0, "balance", "an algorithm: " + EXPECTED.substring(9), problems);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Token word = first.get();
        String text = word.text();
        int paren = text.indexOf('(');
        String keyword = paren < 0 ? text : text.substring(0, paren);
        Optional<Algorithm> algorithm = Algorithm.forKeyword(keyword);
        if (algorithm.isEmpty()) {
            problems.error(word.location(), text, "unknown balance algorithm: " + EXPECTED);
            return Optional.empty();
        }
        Optional<String> inParens = Optional.empty();
        if (paren >= 0) {
            if (!text.endsWith(")") || text.length() == paren + 2) {
                problems.error(word.locationAt(paren), text, "malformed argument in parentheses: expected "
                        + keyword + "(NAME)");
                return Optional.empty();
            }
            inParens = Optional.of(text.substring(paren + 1, text.length() - 1));
        }
        Algorithm algo = algorithm.get();
        boolean parensAllowed = algo == Algorithm.HDR || algo == Algorithm.RDP_COOKIE || algo == Algorithm.RANDOM;
        if (inParens.isPresent() && !parensAllowed) {
            problems.error(word.locationAt(paren), text, "balance " + keyword + " takes no argument in parentheses");
            return Optional.empty();
        }
        switch (algo) {
            case URI:
                return uri(line, problems);
            case URL_PARAM: {
                Optional<Token> name = Words.require(line, 1, "balance url_param", "a URL parameter name", problems);
                boolean checkPost = line.argument(2).map(t -> t.text().equals("check_post")).orElse(false);
                if (name.isEmpty() || !Words.noMore(line, checkPost ? 3 : 2, "balance url_param", problems)) {
                    return Optional.empty();
                }
                return Optional.of(Balance.urlParam(name.get().text(), checkPost));
            }
            case HDR: {
                if (inParens.isEmpty()) {
                    problems.error(word.location(), text, "balance hdr needs a header name: expected hdr(NAME)");
                    return Optional.empty();
                }
                boolean domain = line.argument(1).map(t -> t.text().equals("use_domain_only")).orElse(false);
                return Words.noMore(line, domain ? 2 : 1, "balance hdr", problems)
                        ? Optional.of(Balance.hdr(inParens.get(), domain)) : Optional.empty();
            }
            case RDP_COOKIE:
                return Words.noMore(line, 1, "balance rdp-cookie", problems)
                        ? Optional.of(inParens.map(Balance::rdpCookie).orElse(Balance.of(Algorithm.RDP_COOKIE)))
                        : Optional.empty();
            case RANDOM: {
                if (!Words.noMore(line, 1, "balance random", problems)) {
                    return Optional.empty();
                }
                if (inParens.isEmpty()) {
                    return Optional.of(Balance.of(Algorithm.RANDOM));
                }
                OptionalInt draws = IntegerValue.parse(new Token(inParens.get(), word.locationAt(paren + 1)), 1,
                        Integer.MAX_VALUE, problems);
                return draws.isPresent() ? Optional.of(Balance.random(draws.getAsInt())) : Optional.empty();
            }
            case HASH: {
                Optional<Token> expression = Words.require(line, 1, "balance hash", "a sample expression", problems);
                return expression.isPresent() && Words.noMore(line, 2, "balance hash", problems)
                        ? Optional.of(Balance.hash(expression.get().text())) : Optional.empty();
            }
            default:
                return Words.noMore(line, 1, "balance " + keyword, problems) ? Optional.of(Balance.of(algo))
                        : Optional.empty();
        }
    }

    private static Optional<Balance> uri(Line line, ProblemCollector problems) {
        OptionalInt length = OptionalInt.empty();
        OptionalInt depth = OptionalInt.empty();
        boolean whole = false;
        boolean ok = true;
        for (int i = 1; i < line.arguments().size(); i++) {
            Token word = line.arguments().get(i);
            switch (word.text()) {
                case "len":
                case "depth": {
                    Optional<Token> value = Words.require(line, ++i, "balance uri " + word.text(), "a positive integer",
                            problems);
                    OptionalInt parsed = value.isPresent() ? IntegerValue.parse(value.get(), 1, Integer.MAX_VALUE,
                            problems) : OptionalInt.empty();
                    ok &= parsed.isPresent();
                    if (word.text().equals("len")) {
                        length = parsed;
                    } else {
                        depth = parsed;
                    }
                    break;
                }
                case "whole":
                    whole = true;
                    break;
                default:
                    problems.error(word.location(), word.text(), "unknown argument for 'balance uri': expected"
                            + " 'len N', 'depth N' or 'whole'");
                    ok = false;
            }
        }
        return ok ? Optional.of(Balance.uri(length, depth, whole)) : Optional.empty();
    }
}
