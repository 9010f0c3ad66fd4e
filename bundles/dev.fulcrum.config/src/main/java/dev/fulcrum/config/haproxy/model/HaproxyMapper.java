package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.config.haproxy.DefaultsInheritance;
import dev.fulcrum.config.haproxy.HaproxySyntax;
import dev.fulcrum.config.haproxy.Section;
import dev.fulcrum.config.haproxy.SectionKind;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * haproxy.cfg sections to the proxy model (HAProxy 2.6 semantics).
 *
 * <p>Defaults inheritance (configuration.txt 4 "Proxies") works as in HAProxy: each defaults section
 * of a proxy's chain ({@link DefaultsInheritance}) is applied once, in order, and the proxy starts
 * from a copy of the result, so its own line overrides a defaults line of the same keyword. A
 * defaults section no proxy uses is still checked. A {@code listen} section yields a frontend and
 * a backend of the same name, the frontend's default backend being that backend.
 */
public final class HaproxyMapper {

    private final HaproxySyntax.Result result;
    private final ProblemCollector problems;
    private final Map<Section, ProxySettings> applied = new IdentityHashMap<>();

    private HaproxyMapper(HaproxySyntax.Result result, ProblemCollector problems) {
        this.result = result;
        this.problems = problems;
    }

    /**
     * Maps a parsed file. Problems of the syntax layer are not copied into {@code problems} (the
     * caller has them in {@code result}); the model's own problems are added.
     *
     * @return the model, or empty when the file or the mapping has an error
     */
    public static Optional<ProxyConfig> map(HaproxySyntax.Result result, ProblemCollector problems) {
        return new HaproxyMapper(result, problems).run();
    }

    private Optional<ProxyConfig> run() {
        ProxyGlobal global = GlobalSection.map(result.sections(SectionKind.GLOBAL), problems);
        List<Frontend> frontends = new ArrayList<>();
        List<Backend> backends = new ArrayList<>();
        List<Token> references = new ArrayList<>();
        List<String> referrers = new ArrayList<>();
        for (DefaultsInheritance.Inherited inherited : result.defaults()) {
            Section section = inherited.proxy();
            ProxySettings settings = start(inherited.defaultsChain());
            ProxyKeywords.apply(section, settings, problems);
            HttpModeChecks.apply(section, settings, problems);
            ProxyAssembler.checkExpectsWithoutHttpchk(section, settings, problems);
            try {
                if (section.kind().hasFrontendCapability()) {
                    ProxyAssembler.frontend(section, settings, problems).ifPresent(frontends::add);
                    for (Token reference : ProxyAssembler.backendReferences(settings)) {
                        references.add(reference);
                        referrers.add(section.describe());
                    }
                }
                if (section.kind().hasBackendCapability()) {
                    backends.add(ProxyAssembler.backend(section, settings));
                }
            } catch (IllegalArgumentException invalid) {
                // Only reachable for a section the syntax layer already rejected (e.g. a bad name).
                if (!result.hasErrors()) {
                    problems.error(section.location(), section.name(), "internal error mapping " + section.describe()
                            + ": " + invalid.getMessage());
                }
            }
        }
        for (Section defaults : result.sections(SectionKind.DEFAULTS)) {
            if (!applied.containsKey(defaults)) {
                ProxyKeywords.apply(defaults, new ProxySettings(), problems);
            }
        }
        checkBackendReferences(references, referrers, ProxyAssembler.names(backends));
        if (result.hasErrors() || problems.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProxyConfig(global, frontends, backends));
        } catch (IllegalArgumentException invalid) {
            SourceLocation start = result.sections().isEmpty() ? new SourceLocation("haproxy.cfg", 1, 0)
                    : result.sections().get(0).location();
            problems.error(start, "", "internal error building the proxy model: " + invalid.getMessage());
            return Optional.empty();
        }
    }

    /** The settings after a proxy's defaults chain, each defaults section applied only once. */
    private ProxySettings start(List<Section> chain) {
        ProxySettings current = new ProxySettings();
        for (Section defaults : chain) {
            ProxySettings after = applied.get(defaults);
            if (after == null) {
                after = current.copy();
                ProxyKeywords.apply(defaults, after, problems);
                applied.put(defaults, after);
            }
            current = after;
        }
        return current.copy();
    }

    /** HAProxy 2.6: "Proxy 'x': unable to find required default_backend: 'y'." (and use_backend). */
    private void checkBackendReferences(List<Token> references, List<String> referrers, Set<String> backends) {
        Set<String> sorted = new TreeSet<>(backends);
        for (int i = 0; i < references.size(); i++) {
            Token name = references.get(i);
            if (!backends.contains(name.text())) {
                problems.error(name.location(), name.text(), "unable to find the backend required by "
                        + referrers.get(i) + ": " + (sorted.isEmpty() ? "no backend or listen section is defined"
                        : "expected one of " + String.join(", ", sorted)));
            }
        }
    }
}
