package dev.fulcrum.deploy.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, without touching the framework, what turns the installed bundles into what the
 * deploy directory holds. Rules:
 * <ul>
 * <li>per symbolic name the jar with the highest version wins (ties: the last file name);</li>
 * <li>a bundle the deployer already fed is updated in place when its winning jar differs;</li>
 * <li>a bundle of the image (or otherwise installed) is updated in place only by a higher version;</li>
 * <li>a name nobody runs yet is installed;</li>
 * <li>when a name's jars are all gone, its bundle is uninstalled, or reverted to the image jar.</li>
 * </ul>
 * Removals come first, installs last, so a jar whose file was reused for another bundle never
 * meets its predecessor's location. A bundle whose jar is pending (present, not yet read) is
 * left as it is.
 */
final class DeployPlanner {

    private static final Comparator<JarInfo> PRECEDENCE = Comparator.comparing(JarInfo::version)
            .thenComparing(jar -> jar.file().getFileName().toString());

    List<DeployAction> plan(Collection<JarInfo> jars, Collection<InstalledBundle> installed,
                            Collection<DeployRecord> records, Set<Path> pending) {
        Map<Long, InstalledBundle> byId = installed.stream()
                .collect(Collectors.toMap(InstalledBundle::bundleId, bundle -> bundle));
        Map<String, List<JarInfo>> jarsByName = jars.stream()
                .collect(Collectors.groupingBy(JarInfo::symbolicName));

        List<DeployAction> removals = new ArrayList<>();
        List<DeployAction> updates = new ArrayList<>();
        List<DeployAction> installs = new ArrayList<>();
        List<DeployAction> skips = new ArrayList<>();

        Map<String, DeployRecord> recordByName = new HashMap<>();
        for (DeployRecord record : records) {
            InstalledBundle bundle = byId.get(record.bundleId());
            if (bundle != null && pending.contains(record.file()) && !jarsByName.containsKey(bundle.symbolicName())) {
                continue;
            }
            if (bundle == null) {
                removals.add(new DeployAction.Forget(record.bundleId()));
            } else if (!jarsByName.containsKey(bundle.symbolicName())) {
                removals.add(bundle.fromDeployDirectory()
                        ? new DeployAction.Uninstall(bundle.bundleId())
                        : new DeployAction.Revert(bundle.bundleId()));
            } else {
                recordByName.put(bundle.symbolicName(), record);
            }
        }

        for (List<JarInfo> candidates : jarsByName.values()) {
            JarInfo winner = candidates.stream().max(PRECEDENCE).orElseThrow();
            candidates.stream().filter(jar -> jar != winner).forEach(jar -> skips.add(new DeployAction.Skip(jar,
                    "superseded by " + winner.describe())));
            DeployRecord record = recordByName.get(winner.symbolicName());
            if (record != null) {
                if (!record.file().equals(winner.file()) || record.checksum() != winner.checksum()) {
                    updates.add(new DeployAction.Update(record.bundleId(), winner));
                }
                continue;
            }
            Optional<InstalledBundle> running = installed.stream()
                    .filter(bundle -> bundle.symbolicName().equals(winner.symbolicName()))
                    .max(Comparator.comparing(InstalledBundle::version));
            if (running.isEmpty()) {
                installs.add(new DeployAction.Install(winner));
            } else if (winner.version().compareTo(running.get().version()) > 0) {
                updates.add(new DeployAction.Update(running.get().bundleId(), winner));
            } else {
                skips.add(new DeployAction.Skip(winner, "version " + winner.version()
                        + " is not higher than the running bundle " + running.get().bundleId()
                        + " (" + running.get().version() + ")"));
            }
        }

        List<DeployAction> plan = new ArrayList<>(removals);
        plan.addAll(updates);
        plan.addAll(installs);
        plan.addAll(skips);
        return plan;
    }
}
