package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * configuration.txt 4.2 "balance &lt;algorithm&gt; [ &lt;arguments&gt; ]" with the arguments each algorithm
 * takes; the others are empty, false or 0.
 *
 * @param uriLength      {@code uri len N}: hash only the first N characters
 * @param uriDepth       {@code uri depth N}: hash only the first N directories
 * @param uriWhole       {@code uri whole}: include the query string
 * @param name           url_param: the parameter; hdr: the header; rdp-cookie: the cookie
 *                       ({@value #DEFAULT_RDP_COOKIE} when not written)
 * @param checkPost      {@code url_param NAME check_post}: also look in a POST body
 * @param useDomainOnly  {@code hdr(NAME) use_domain_only}
 * @param draws          {@code random(N)}: the number of draws, {@value #DEFAULT_DRAWS} by default; 0 otherwise
 * @param hashExpression {@code hash EXPR}: the sample expression
 */
public record Balance(Algorithm algorithm, OptionalInt uriLength, OptionalInt uriDepth, boolean uriWhole,
        Optional<String> name, boolean checkPost, boolean useDomainOnly, int draws, Optional<String> hashExpression) {

    /** HAProxy's default: "balance roundrobin" (4.2 "balance"). */
    public static final Balance DEFAULT = of(Algorithm.ROUNDROBIN);
    public static final String DEFAULT_RDP_COOKIE = "mstshash";
    public static final int DEFAULT_DRAWS = 2;

    public Balance {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(uriLength, "uriLength");
        Objects.requireNonNull(uriDepth, "uriDepth");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hashExpression, "hashExpression");
        boolean uri = algorithm == Algorithm.URI;
        only(uri || (uriLength.isEmpty() && uriDepth.isEmpty() && !uriWhole), "len, depth and whole", "uri", algorithm);
        uriLength.ifPresent(v -> Checks.range("uri len", v, 1, Integer.MAX_VALUE));
        uriDepth.ifPresent(v -> Checks.range("uri depth", v, 1, Integer.MAX_VALUE));
        boolean named = algorithm == Algorithm.URL_PARAM || algorithm == Algorithm.HDR || algorithm == Algorithm.RDP_COOKIE;
        if (named != name.isPresent()) {
            throw new IllegalArgumentException("balance " + algorithm.keyword() + (named ? " needs" : " takes no") + " name");
        }
        name.ifPresent(n -> Checks.name("balance name", n));
        only(algorithm == Algorithm.URL_PARAM || !checkPost, "check_post", "url_param", algorithm);
        only(algorithm == Algorithm.HDR || !useDomainOnly, "use_domain_only", "hdr", algorithm);
        Checks.range("random draws", draws, algorithm == Algorithm.RANDOM ? 1 : 0, algorithm == Algorithm.RANDOM ? Integer.MAX_VALUE : 0);
        if ((algorithm == Algorithm.HASH) != hashExpression.isPresent()) {
            throw new IllegalArgumentException("balance hash needs an expression, the others none");
        }
    }

    private static void only(boolean ok, String what, String owner, Algorithm algorithm) {
        if (!ok) {
            throw new IllegalArgumentException(what + " only apply to balance " + owner + ", not " + algorithm.keyword());
        }
    }

    /** An algorithm without arguments (random gets its default draws, rdp-cookie its default cookie). */
    public static Balance of(Algorithm algorithm) {
        return new Balance(algorithm, OptionalInt.empty(), OptionalInt.empty(), false,
                algorithm == Algorithm.RDP_COOKIE ? Optional.of(DEFAULT_RDP_COOKIE) : Optional.empty(), false, false,
                algorithm == Algorithm.RANDOM ? DEFAULT_DRAWS : 0, Optional.empty());
    }

    public static Balance uri(OptionalInt length, OptionalInt depth, boolean whole) {
        return new Balance(Algorithm.URI, length, depth, whole, Optional.empty(), false, false, 0, Optional.empty());
    }

    public static Balance urlParam(String parameter, boolean checkPost) {
        return new Balance(Algorithm.URL_PARAM, OptionalInt.empty(), OptionalInt.empty(), false, Optional.of(parameter),
                checkPost, false, 0, Optional.empty());
    }

    public static Balance hdr(String header, boolean useDomainOnly) {
        return new Balance(Algorithm.HDR, OptionalInt.empty(), OptionalInt.empty(), false, Optional.of(header), false,
                useDomainOnly, 0, Optional.empty());
    }

    public static Balance rdpCookie(String cookie) {
        return new Balance(Algorithm.RDP_COOKIE, OptionalInt.empty(), OptionalInt.empty(), false, Optional.of(cookie),
                false, false, 0, Optional.empty());
    }

    public static Balance random(int draws) {
        return new Balance(Algorithm.RANDOM, OptionalInt.empty(), OptionalInt.empty(), false, Optional.empty(), false,
                false, draws, Optional.empty());
    }

    public static Balance hash(String expression) {
        return new Balance(Algorithm.HASH, OptionalInt.empty(), OptionalInt.empty(), false, Optional.empty(), false,
                false, 0, Optional.of(expression));
    }
}
