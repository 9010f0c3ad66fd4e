package dev.fulcrum.config.haproxy;

import dev.fulcrum.config.internal.ProblemCollector;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which {@code defaults} sections each proxy takes its initial settings from (configuration.txt 4
 * "Proxies", HAProxy 2.6):
 * <ul>
 *   <li>a frontend, backend or listen uses "the latest [defaults section] that appears before" it,
 *       or the one named with {@code from NAME};</li>
 *   <li>a defaults section "resets all settings to the documented ones", unless it names another
 *       one with {@code from NAME}, which it then extends ("inherit settings across multiple levels");</li>
 *   <li>{@code from} can only name a defaults section that appears earlier (HAProxy 2.6.12: "defaults
 *       section 'x' not found"), whose name is unique among defaults sections and a valid proxy name;</li>
 *   <li>a defaults section both named with {@code from} and used implicitly is reported (HAProxy 2.6
 *       alerts but still starts, so here it is a warning).</li>
 * </ul>
 */
public final class DefaultsInheritance {

    /**
     * A proxy and the defaults sections that apply to it.
     *
     * @param proxy         a frontend, backend or listen section
     * @param defaultsChain the defaults sections, the most basic first: each one's lines override the
     *                      previous one's, and the proxy's own lines override them all
     */
    public record Inherited(Section proxy, List<Section> defaultsChain) {

        public Inherited {
            Objects.requireNonNull(proxy, "proxy");
            defaultsChain = List.copyOf(defaultsChain);
        }

        /** The defaults lines that apply, in the order the model layer should merge them. */
        public List<Line> lines() {
            return defaultsChain.stream().flatMap(section -> section.lines().stream()).collect(Collectors.toList());
        }
    }

    private final List<Section> sections;
    private final ProblemCollector problems;
    private final List<Section> defined = new ArrayList<>();
    private final Map<Section, List<Section>> chains = new IdentityHashMap<>();
    private final Map<Section, Boolean> explicitlyUsed = new IdentityHashMap<>();
    private final Map<Section, Boolean> implicitlyUsed = new IdentityHashMap<>();

    private DefaultsInheritance(List<Section> sections, ProblemCollector problems) {
        this.sections = sections;
        this.problems = problems;
    }

    /** One entry per frontend, backend and listen section, in file order. */
    public static List<Inherited> resolve(List<Section> sections, ProblemCollector problems) {
        return new DefaultsInheritance(sections, problems).run();
    }

    private List<Inherited> run() {
        List<Inherited> result = new ArrayList<>();
        Section last = null;
        for (Section section : sections) {
            boolean defaults = section.kind() == SectionKind.DEFAULTS;
            if (!defaults && !section.kind().isProxy()) {
                continue;
            }
            List<Section> parent = List.of();
            if (section.from().isPresent()) {
                Section named = lookup(section.from().get(), section);
                if (named != null) {
                    use(named, section, true);
                    parent = chains.get(named);
                }
            } else if (!defaults && last != null) {
                use(last, section, false);
                parent = chains.get(last);
            }
            if (defaults) {
                List<Section> chain = new ArrayList<>(parent);
                chain.add(section);
                chains.put(section, List.copyOf(chain));
                defined.add(section);
                last = section;
            } else {
                result.add(new Inherited(section, parent));
            }
        }
        return List.copyOf(result);
    }

    private Section lookup(Token from, Section user) {
        String name = from.text();
        List<Section> matches = defined.stream().filter(d -> d.name().equals(name)).collect(Collectors.toList());
        if (matches.isEmpty()) {
            Optional<Section> later = sections.stream()
                    .filter(s -> s.kind() == SectionKind.DEFAULTS && s.name().equals(name) && !defined.contains(s))
                    .filter(s -> s != user).findFirst();
            problems.error(from.location(), name, "defaults section '" + name + "' not found for " + user.describe()
                    + later.map(s -> ": it is declared later, at " + s.location()
                            + ", and 'from' can only name an earlier defaults section").orElse(""));
            return null;
        }
        if (matches.size() > 1) {
            problems.error(from.location(), name, "ambiguous defaults section name '" + name + "' referenced by "
                    + user.describe() + ": defaults sections at " + matches.get(0).location() + " and "
                    + matches.get(1).location() + " have that name");
            return null;
        }
        ProxyNames.checkCharacters(from, "defaults section name referenced with 'from'", problems);
        return matches.get(0);
    }

    private void use(Section defaults, Section user, boolean explicit) {
        Map<Section, Boolean> mine = explicit ? explicitlyUsed : implicitlyUsed;
        Map<Section, Boolean> other = explicit ? implicitlyUsed : explicitlyUsed;
        mine.put(defaults, Boolean.TRUE);
        if (other.containsKey(defaults)) {
            problems.warning(user.location(), defaults.name(), defaults.describe() + " (declared at "
                    + defaults.location() + ") is both named with 'from' and used implicitly as the last"
                    + " defaults section; don't mix both: add a last defaults section that no 'from' names,"
                    + " or always use 'from'");
        }
    }
}
