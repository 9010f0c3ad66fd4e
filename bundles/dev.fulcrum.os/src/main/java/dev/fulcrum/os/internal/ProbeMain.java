package dev.fulcrum.os.internal;

import dev.fulcrum.api.host.HostCapabilities;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints what this machine lets Fulcrum do, as key=value lines, without an OSGi framework: for
 * diagnosing a box by hand, and for the system tier, which runs it inside network namespaces.
 */
public final class ProbeMain {

    private ProbeMain() {
    }

    public static void main(String[] args) {
        Path root = Path.of("/");
        OsProcessRunner runner = new OsProcessRunner();
        SysfsKernelModules modules = new SysfsKernelModules(root, runner);
        HostCapabilities capabilities = new ProcCapabilityProbe(root, runner, modules).probe();
        lines(capabilities).forEach(System.out::println);
    }

    static List<String> lines(HostCapabilities capabilities) {
        return List.of(
                "root=" + capabilities.root(),
                "netAdmin=" + capabilities.netAdmin(),
                "netRaw=" + capabilities.netRaw(),
                "ipvs=" + capabilities.ipvs().available(),
                "ipvs.detail=" + oneLine(capabilities.ipvs().detail()),
                "nftables=" + capabilities.nftables().available(),
                "nftables.detail=" + oneLine(capabilities.nftables().detail()));
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
