package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;

/**
 * configuration.txt 7.1: "ACL names must be formed from upper and lower case letters, digits, '-'
 * (dash), '_' (underscore), '.' (dot) and ':' (colon)", the same characters as proxy names (4).
 */
final class ProxyNameCheck {

    private ProxyNameCheck() {
    }

    static boolean check(Token name, String what, ProblemCollector problems) {
        String text = name.text();
        if (text.isEmpty()) {
            problems.error(name.location(), text, "empty " + what);
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                problems.error(name.locationAt(i), text, "character '" + c + "' is not permitted in an " + what
                        + ": use letters, digits, '-', '_', '.' and ':'");
                return false;
            }
        }
        return true;
    }
}
