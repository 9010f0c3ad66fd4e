package dev.fulcrum.sched.registry;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import org.osgi.service.log.Logger;

/** An OSGi logger that keeps "level: message" of every call, for assertions on what was logged. */
final class RecordingLogger {

    final List<String> lines = new CopyOnWriteArrayList<>();

    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                if (method.getReturnType() == boolean.class) {
                    return true;
                }
                if (method.getReturnType() == String.class) {
                    return "recording";
                }
                lines.add(method.getName() + ": " + format(args));
                return null;
            });

    /** The SLF4J-style format with each {} replaced by the next argument (varargs flattened). */
    private static String format(Object[] args) {
        if (args == null || args.length == 0) {
            return "";
        }
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i] instanceof Object[] array) {
                values.addAll(List.of(array));
            } else {
                values.add(args[i]);
            }
        }
        String text = String.valueOf(args[0]);
        for (Object value : values) {
            text = text.replaceFirst("\\{\\}", Matcher.quoteReplacement(String.valueOf(value)));
        }
        return text;
    }

    List<String> at(String level) {
        return lines.stream().filter(line -> line.startsWith(level + ":")).toList();
    }
}
