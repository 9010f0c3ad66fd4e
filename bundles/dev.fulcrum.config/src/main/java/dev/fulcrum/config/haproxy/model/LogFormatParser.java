package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.model.proxy.CustomLogFormat;
import dev.fulcrum.api.model.proxy.LogFormatNode;
import dev.fulcrum.api.model.proxy.LogVariable;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The string of 4.2 "log-format &lt;string&gt;" (configuration.txt 8.2.6 "Custom log format"): text,
 * spaces (separators; consecutive ones merge), {@code %%} for a verbatim '%', and variables
 * {@code %var} or {@code %{+F,-F}var} where a variable name is a run of letters and the flags are Q,
 * X and E. {@code %{flags}o} sets the flags of every later variable. Each problem is reported at the
 * character it is about.
 */
final class LogFormatParser {

    /** 8.2.6 lists them; Fulcrum's TLS engines name protocols and ciphers differently from OpenSSL. */
    private static final Set<String> UNSUPPORTED = Set.of("sslc", "sslv");

    private final Token token;
    private final String text;
    private final ProblemCollector problems;
    private final List<LogFormatNode> nodes = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();
    private boolean ok = true;
    private boolean quoted;
    private boolean hex;
    private boolean escaped;

    private LogFormatParser(Token token, ProblemCollector problems) {
        this.token = token;
        this.text = token.text();
        this.problems = problems;
    }

    /** The format, or empty after reporting every problem found. */
    static Optional<CustomLogFormat> parse(Token token, ProblemCollector problems) {
        LogFormatParser parser = new LogFormatParser(token, problems);
        parser.run();
        return parser.ok ? Optional.of(new CustomLogFormat(token.text(), parser.nodes)) : Optional.empty();
    }

    private void run() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ') {
                flushText();
                if (nodes.isEmpty() || !(nodes.get(nodes.size() - 1) instanceof LogFormatNode.Separator)) {
                    nodes.add(new LogFormatNode.Separator());
                }
                i++;
            } else if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) == '%') {
                literal.append('%');
                i += 2;
            } else if (c == '%') {
                flushText();
                i = variable(i);
            } else {
                literal.append(c);
                i++;
            }
        }
        flushText();
    }

    /** Reads the variable whose '%' is at {@code percent}; returns the index after it. */
    private int variable(int percent) {
        int i = percent + 1;
        boolean q = quoted;
        boolean x = hex;
        boolean e = escaped;
        if (i < text.length() && text.charAt(i) == '{') {
            int close = text.indexOf('}', i);
            if (close < 0) {
                fail(i, "{", "unclosed '{' in log-format: expected flags such as %{+Q}r");
                return text.length();
            }
            int start = i + 1;
            for (String flag : text.substring(start, close).split(",", -1)) {
                if (flag.length() != 2 || "+-".indexOf(flag.charAt(0)) < 0 || "QXE".indexOf(flag.charAt(1)) < 0) {
                    fail(start, flag, "unknown log-format flag '" + flag + "': expected +Q, -Q, +X, -X, +E or -E");
                } else {
                    boolean on = flag.charAt(0) == '+';
                    switch (flag.charAt(1)) {
                        case 'Q' -> q = on;
                        case 'X' -> x = on;
                        default -> e = on;
                    }
                }
                start += flag.length() + 1;
            }
            i = close + 1;
        }
        if (i < text.length() && text.charAt(i) == '[') {
            int close = text.indexOf(']', i);
            String sample = close < 0 ? text.substring(i) : text.substring(i, close + 1);
            fail(percent, "%" + sample, "sample expressions in log-format are not supported by Fulcrum: expected a %"
                    + " variable of configuration.txt 8.2.6 such as %hr for captured request headers");
            return close < 0 ? text.length() : close + 1;
        }
        int nameStart = i;
        while (i < text.length() && Character.isLetter(text.charAt(i)) && text.charAt(i) < 0x80) {
            i++;
        }
        String name = text.substring(nameStart, i);
        if (name.isEmpty()) {
            fail(percent, "%", "a log-format variable name must follow '%' (write '%%' for a verbatim '%')");
        } else if (name.equals("o")) {
            // 8.2.6: "%o" applies its flags to all the variables after it.
            quoted = q;
            hex = x;
            escaped = e;
        } else if (UNSUPPORTED.contains(name)) {
            fail(percent, "%" + name, "log-format variable %" + name + " is not supported by Fulcrum");
        } else {
            Optional<LogVariable> variable = LogVariable.of(name);
            if (variable.isEmpty()) {
                fail(percent, "%" + name, "no such log-format variable %" + name + " (configuration.txt 8.2.6);"
                        + " write '%%' for a verbatim '%'");
            } else {
                nodes.add(new LogFormatNode.Field(variable.get(), q, x, e));
            }
        }
        return i;
    }

    private void flushText() {
        if (literal.length() > 0) {
            nodes.add(new LogFormatNode.Text(literal.toString()));
            literal.setLength(0);
        }
    }

    private void fail(int index, String offending, String message) {
        problems.error(token.locationAt(index), offending, message);
        ok = false;
    }
}
