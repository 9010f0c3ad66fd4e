package dev.fulcrum.console.internal;

import dev.fulcrum.api.deploy.DeployedBundle;
import dev.fulcrum.api.deploy.HotDeploy;
import dev.fulcrum.api.status.Subsystem;
import dev.fulcrum.api.status.SubsystemStatus;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code fulcrum:status} and {@code fulcrum:bundles}. Gogo prints the returned text.
 * Subsystems come and go with their bundles, so the references are dynamic.
 */
@Component(service = FulcrumCommands.class, property = {
        "osgi.command.scope=fulcrum",
        "osgi.command.function=status",
        "osgi.command.function=bundles"})
public final class FulcrumCommands {

    /** Framework property set by the launcher: the directory holding the image's bundle jars. */
    static final String IMAGE_BUNDLES_PROPERTY = "fulcrum.image.bundles";

    private static final String[] STATE_NAMES = stateNames();

    private final BundleContext context;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Subsystem> subsystems;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HotDeploy hotDeploy;

    @Activate
    public FulcrumCommands(BundleContext context) {
        this.context = context;
    }

    /** Every subsystem with its state, applied revision and reason. */
    public String status() {
        List<SubsystemStatus> statuses = subsystems.stream().map(Subsystem::status)
                .sorted(Comparator.comparing(SubsystemStatus::name)).toList();
        if (statuses.isEmpty()) {
            return "no subsystem is registered\n";
        }
        TextTable table = new TextTable("SUBSYSTEM", "STATE", "REVISION", "REASON");
        for (SubsystemStatus status : statuses) {
            table.row(status.name(), status.state(), status.hasRevision() ? status.appliedRevision() : "-", status.reason());
        }
        return table.toString();
    }

    /** Every bundle with symbolic name, version, state and origin (image, deploy/, framework). */
    public String bundles() {
        HotDeploy deploy = hotDeploy;
        Map<Long, DeployedBundle> deployed = deploy == null ? Map.of()
                : deploy.deployed().stream().collect(Collectors.toMap(DeployedBundle::bundleId, Function.identity()));
        String imageDirectory = context.getProperty(IMAGE_BUNDLES_PROPERTY);
        BundleOrigin origin = new BundleOrigin(
                imageDirectory == null ? null : Path.of(imageDirectory).toUri().toString(), deployed);
        TextTable table = new TextTable("ID", "BUNDLE", "VERSION", "STATE", "ORIGIN");
        for (Bundle bundle : context.getBundles()) {
            table.row(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion(), stateName(bundle.getState()),
                    origin.of(bundle.getBundleId(), bundle.getLocation()));
        }
        return table.toString();
    }

    static String stateName(int state) {
        int bit = Integer.numberOfTrailingZeros(state);
        return bit < STATE_NAMES.length ? STATE_NAMES[bit] : "UNKNOWN";
    }

    /** Bundle states are single bits (org.osgi.framework.Bundle): UNINSTALLED=1 ... ACTIVE=32. */
    private static String[] stateNames() {
        return new String[] {"UNINSTALLED", "INSTALLED", "RESOLVED", "STARTING", "STOPPING", "ACTIVE"};
    }
}
