package dev.fulcrum.log.internal;

import aQute.bnd.annotation.spi.ServiceProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 binding of the appliance: SLF4J finds it with ServiceLoader, which SPI Fly
 * mediates inside OSGi (the @ServiceProvider annotation writes the osgi.serviceloader
 * capability). The launcher starts this bundle at start level 1, before any bundle that logs
 * through SLF4J, because SLF4J binds once, on the first getLogger call.
 */
@ServiceProvider(SLF4JServiceProvider.class)
public final class OsgiSlf4jProvider implements SLF4JServiceProvider {

    /** The SLF4J API generation this provider implements (see org.slf4j.LoggerFactory#API_COMPATIBILITY_LIST). */
    private static final String REQUESTED_API_VERSION = "2.0.99";

    private IMarkerFactory markers;
    private MDCAdapter mdc;
    private ILoggerFactory loggers;

    @Override
    public void initialize() {
        markers = new BasicMarkerFactory();
        mdc = new NOPMDCAdapter();
        Bundle self = FrameworkUtil.getBundle(OsgiSlf4jProvider.class);
        BundleContext context = self == null ? null : self.getBundleContext();
        if (context == null) {
            loggers = new Slf4jLoggerFactory(null); // outside a framework: loggers stay silent
            return;
        }
        ServiceTracker<LoggerFactory, LoggerFactory> tracker = new ServiceTracker<>(context, LoggerFactory.class, null);
        tracker.open();
        loggers = new Slf4jLoggerFactory(tracker);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }
}
