package dev.fulcrum.it;

import dev.fulcrum.api.status.Subsystem;
import dev.fulcrum.api.status.SubsystemStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** Questions the in-framework tests ask of the running framework. */
public final class FrameworkProbe {

    private final BundleContext context;

    public FrameworkProbe(BundleContext context) {
        this.context = context;
    }

    public Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    public long count(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).count();
    }

    /** What the Callable published with fulcrum.it=NAME answers, or null when there is none. */
    public String call(String name) {
        try {
            Collection<ServiceReference<Callable>> references =
                    context.getServiceReferences(Callable.class, "(fulcrum.it=" + name + ")");
            if (references.isEmpty()) {
                return null;
            }
            ServiceReference<Callable> reference = references.iterator().next();
            Callable<?> service = context.getService(reference);
            try {
                return service == null ? null : String.valueOf(service.call());
            } finally {
                context.ungetService(reference);
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        } catch (Exception e) {
            return null; // the service went away between lookup and call: ask again
        }
    }

    public SubsystemStatus subsystem(String name) throws InvalidSyntaxException {
        for (ServiceReference<Subsystem> reference
                : context.getServiceReferences(Subsystem.class, "(" + Subsystem.NAME_PROPERTY + "=" + name + ")")) {
            Subsystem subsystem = context.getService(reference);
            try {
                return subsystem.status();
            } finally {
                context.ungetService(reference);
            }
        }
        return null;
    }

    /** Runs a Gogo command as the shell would and returns what it prints. */
    public String shell(String command) throws Exception {
        ServiceReference<CommandProcessor> reference = context.getServiceReference(CommandProcessor.class);
        CommandProcessor processor = context.getService(reference);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
             CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
            Object result = session.execute(command);
            if (result != null) {
                out.print(result);
            }
        } finally {
            context.ungetService(reference);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    /** What the JDK Supplier published with fulcrum.it=NAME supplies, or null while there is none. */
    @SuppressWarnings("unchecked")
    public <T> T supplied(String name) {
        try {
            Collection<ServiceReference<Supplier>> references =
                    context.getServiceReferences(Supplier.class, "(fulcrum.it=" + name + ")");
            if (references.isEmpty()) {
                return null;
            }
            ServiceReference<Supplier> reference = references.iterator().next();
            Supplier<T> supplier = context.getService(reference);
            try {
                return supplier == null ? null : supplier.get();
            } finally {
                context.ungetService(reference);
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
