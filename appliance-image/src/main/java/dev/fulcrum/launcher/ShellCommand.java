package dev.fulcrum.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Runs one Gogo command (e.g. {@code fulcrum:status}) from outside the framework, so the
 * launcher can print the subsystem table when it is ready. The launcher does not share Gogo's
 * classes, hence the reflection on the CommandProcessor service's two public methods.
 */
final class ShellCommand {

    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";

    private ShellCommand() {
    }

    /** The command's output, or a one-line explanation when it could not run. */
    static String run(BundleContext context, String command) {
        // Unfiltered lookup: the launcher stands outside every bundle's class space, and a copy of
        // Gogo on its class path (tests) must not hide the framework's service.
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(PROCESSOR, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter given
        }
        if (references == null) {
            return "(no Gogo shell: cannot run " + command + ")\n";
        }
        ServiceReference<?> reference = references[0];
        Object processor = context.getService(reference);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Method create = processor.getClass().getMethod("createSession", InputStream.class, OutputStream.class,
                    OutputStream.class);
            Object session = create.invoke(processor, new ByteArrayInputStream(new byte[0]), out, out);
            try {
                Object result = session.getClass().getMethod("execute", CharSequence.class).invoke(session, command);
                if (result != null) {
                    out.print(result);
                }
            } finally {
                session.getClass().getMethod("close").invoke(session);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "(" + command + " failed: " + cause + ")\n";
        } finally {
            context.ungetService(reference);
        }
        return output.toString(StandardCharsets.UTF_8);
    }
}
