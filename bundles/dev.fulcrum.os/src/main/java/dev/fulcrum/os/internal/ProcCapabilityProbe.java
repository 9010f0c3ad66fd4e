package dev.fulcrum.os.internal;

import dev.fulcrum.api.host.CapabilityProbe;
import dev.fulcrum.api.host.Feature;
import dev.fulcrum.api.host.HostCapabilities;
import dev.fulcrum.api.os.KernelModules;
import dev.fulcrum.api.os.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Finds out what this machine lets Fulcrum do from files under /proc, /sys and /lib/modules and
 * the programs on PATH. Runs no program. Never throws: whatever cannot be read counts as missing,
 * and the feature's detail says why.
 */
@Component(service = CapabilityProbe.class)
public final class ProcCapabilityProbe implements CapabilityProbe {

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final Path root;
    private final ProcessRunner runner;
    private final KernelModules modules;
    private final KernelConfig config;

    /** For DS: the real filesystem. */
    @Activate
    public ProcCapabilityProbe(@Reference(name = "runner") ProcessRunner runner,
                               @Reference(name = "modules") KernelModules modules) {
        this(Path.of("/"), runner, modules);
    }

    /**
     * @param root    the filesystem root: "/" in production, a fake tree in tests
     * @param runner  tells whether nft(8) is installed
     * @param modules tells whether ip_vs and nf_tables are in the kernel
     */
    public ProcCapabilityProbe(Path root, ProcessRunner runner, KernelModules modules) {
        this.root = root;
        this.runner = runner;
        this.modules = modules;
        this.config = new KernelConfig(root);
    }

    @Override
    public HostCapabilities probe() {
        boolean isRoot = false;
        boolean netAdmin = false;
        boolean netRaw = false;
        try {
            ProcStatus status = ProcStatus.read(root);
            isRoot = status.root();
            netAdmin = status.hasCapability(ProcStatus.CAP_NET_ADMIN);
            netRaw = status.hasCapability(ProcStatus.CAP_NET_RAW);
        } catch (IOException | RuntimeException e) {
            // HostCapabilities has no detail for privileges: say it in the log and assume none.
            Logging.warn(log, "cannot read {}: assuming no privileges ({})", ProcStatus.file(root), e.getMessage());
        }
        String release = KernelRelease.describe(root);
        Feature ipvs = guarded("ip_vs", () -> ipvs(release));
        Feature nftables = guarded("nftables", () -> nftables(release));
        HostCapabilities capabilities = new HostCapabilities(isRoot, netAdmin, netRaw, ipvs, nftables);
        Logging.debug(log, "host capabilities: {}", capabilities.summary());
        return capabilities;
    }

    /** The IP Virtual Server (net/netfilter/ipvs): /proc/net/ip_vs appears in every namespace once it is loaded (ip_vs_app.c, ip_vs_ctl.c). */
    private Feature ipvs(String release) {
        if (Files.exists(root.resolve("proc/net/ip_vs")) || modules.isLoaded("ip_vs")) {
            return Feature.available("ip_vs loaded");
        }
        if (modules.isAvailable("ip_vs")) {
            return Feature.available("ip_vs module available for kernel " + release + ", not loaded");
        }
        return Feature.missing("no ip_vs in kernel " + release + " (CONFIG_IP_VS not set?)");
    }

    /** nf_tables in the kernel (net/netfilter/nf_tables_api.c) and the nft(8) program to drive it. */
    private Feature nftables(String release) {
        boolean program = runner.isInstalled("nft");
        Optional<String> kernel = nfTablesInKernel(release);
        if (program && kernel.isPresent()) {
            return Feature.available("nft installed, " + kernel.get());
        }
        if (kernel.isPresent()) {
            return Feature.missing(kernel.get() + ", but the nft program is not installed (package nftables)");
        }
        String noKernel = "no nf_tables in kernel " + release + " (CONFIG_NF_TABLES not set?)";
        return Feature.missing(program ? "nft installed, but " + noKernel : noKernel + " and no nft program");
    }

    /** How nf_tables is in the kernel, or empty when it is not. */
    private Optional<String> nfTablesInKernel(String release) {
        if (modules.isLoaded("nf_tables")) {
            return Optional.of("nf_tables loaded");
        }
        if (modules.isAvailable("nf_tables")) {
            return Optional.of("nf_tables available for kernel " + release);
        }
        // Built into a kernel without module support: no /sys/module/nf_tables (it has no
        // parameters) and no modules.builtin. Only the kernel configuration tells.
        return config.find("CONFIG_NF_TABLES")
                .filter(KernelConfig.Option::builtIn)
                .map(option -> "nf_tables built into kernel " + release + " (CONFIG_NF_TABLES=y in "
                        + root.relativize(option.source()) + ")");
    }

    private Feature guarded(String feature, Supplier<Feature> probe) {
        try {
            return probe.get();
        } catch (RuntimeException e) {
            Logging.warn(log, "probing {} failed: {}", feature, e.toString());
            return Feature.missing("probe failed: " + e);
        }
    }
}
