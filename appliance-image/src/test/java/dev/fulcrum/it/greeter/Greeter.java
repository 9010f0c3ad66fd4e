package dev.fulcrum.it.greeter;

import java.util.concurrent.Callable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The hot-deploy test bundle: the same class is packed as version 1.0.0 and 2.0.0, and its
 * answer names the version that runs. It is published as a JDK Callable so that the test can
 * call it without sharing any package with it.
 */
@Component(service = Callable.class, property = "fulcrum.it=greeter")
public class Greeter implements Callable<String> {

    private final String version;

    @Activate
    public Greeter(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
    }

    @Override
    public String call() {
        return "greeter " + version;
    }
}
