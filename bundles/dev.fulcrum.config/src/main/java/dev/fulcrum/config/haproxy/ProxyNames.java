package dev.fulcrum.config.haproxy;

import dev.fulcrum.config.internal.ProblemCollector;
import java.util.ArrayList;
import java.util.List;

/** The naming rules of configuration.txt 4 "Proxies". */
public final class ProxyNames {

    private ProxyNames() {
    }

    /**
     * "All proxy names must be formed from upper and lower case letters, digits, '-' (dash), '_'
     * (underscore) , '.' (dot) and ':' (colon)." Reports the first other character, at its column.
     *
     * @param what e.g. "frontend name" or "defaults section name"
     * @return whether the name is valid
     */
    /**
     * A name of a proxy or an ACL: not empty, and only the characters of configuration.txt 4
     * (proxy names) and 7.1 (ACL names, the same set).
     */
    public static boolean checkName(Token name, String what, ProblemCollector problems) {
        if (name.text().isEmpty()) {
            problems.error(name.location(), "", "empty " + what);
            return false;
        }
        return checkCharacters(name, what, problems);
    }

    static boolean checkCharacters(Token name, String what, ProblemCollector problems) {
        String text = name.text();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isNameCharacter(c)) {
                problems.error(name.locationAt(i), text, "character '" + c + "' is not permitted in " + article(what) + " " + what
                        + ": use letters, digits, '-', '_', '.' and ':'");
                return false;
            }
        }
        return true;
    }

    static boolean isNameCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == ':';
    }

    /**
     * "It is mandatory that two proxies with overlapping capabilities (frontend/backend) have
     * different names. However, it is still permitted that a frontend and a backend share the same
     * name." A listen section has both capabilities. Names are case-sensitive.
     */
    static void checkDuplicates(List<Section> sections, ProblemCollector problems) {
        List<Section> seen = new ArrayList<>();
        for (Section section : sections) {
            if (!section.kind().isProxy() || section.name().isEmpty()) {
                continue;
            }
            for (Section earlier : seen) {
                if (earlier.name().equals(section.name()) && overlap(earlier.kind(), section.kind())) {
                    problems.error(section.location(), section.name(), "duplicate proxy name: "
                            + section.describe() + " at " + section.location() + " has the same name as "
                            + earlier.describe() + " declared at " + earlier.location());
                    break;
                }
            }
            seen.add(section);
        }
    }

    private static boolean overlap(SectionKind a, SectionKind b) {
        return (a.hasFrontendCapability() && b.hasFrontendCapability())
                || (a.hasBackendCapability() && b.hasBackendCapability());
    }

    private static String article(String noun) {
        return "AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }
}
