package dev.fulcrum.ipvs.internal;

import dev.fulcrum.ipvs.IpvsClient;
import dev.fulcrum.ipvs.IpvsDestination;
import dev.fulcrum.ipvs.IpvsService;
import dev.fulcrum.netlink.NetlinkException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code fulcrum:ipvs [--stats | --rate | --persistent-conn | --timeout | --daemon] [--exact]} in the
 * Gogo shell: the kernel's IPVS table (timeouts, sync daemons) as {@code ipvsadm -Ln} prints it (numeric always, so {@code -n}/{@code -L}/{@code -Ln} are accepted and
 * ignored). Without IPVS it prints the subsystem's reason.
 */
@Component(service = IpvsCommand.class, property = {
        "osgi.command.scope=fulcrum",
        "osgi.command.function=ipvs"})
public final class IpvsCommand {

    private static final String USAGE = "usage: fulcrum:ipvs [--stats | --rate | --persistent-conn | --timeout | --daemon] [--exact]";

    private final IpvsSubsystem subsystem;

    @Activate
    public IpvsCommand(@Reference IpvsSubsystem subsystem) {
        this.subsystem = subsystem;
    }

    public String ipvs(String... args) {
        IpvsListing.Mode mode = IpvsListing.Mode.LIST;
        boolean exact = false;
        String other = null;
        for (String arg : args) {
            switch (arg) {
                case "--stats" -> mode = IpvsListing.Mode.STATS;
                case "--rate" -> mode = IpvsListing.Mode.RATE;
                case "--persistent-conn" -> mode = IpvsListing.Mode.PERSISTENT;
                case "--timeout", "--daemon" -> other = arg;
                case "--exact" -> exact = true;
                case "-L", "-n", "-Ln", "-nL", "--list", "--numeric" -> { }
                default -> {
                    return "fulcrum:ipvs: unknown option " + arg + "\n" + USAGE + "\n";
                }
            }
        }
        Optional<IpvsClient> client = subsystem.client();
        if (client.isEmpty()) {
            return "fulcrum:ipvs: " + subsystem.status().reason() + "\n";
        }
        try {
            if ("--timeout".equals(other)) {
                return IpvsListing.timeouts(client.get().timeouts());
            }
            if ("--daemon".equals(other)) {
                return IpvsListing.daemons(client.get().daemons());
            }
            Map<IpvsService, List<IpvsDestination>> table = new LinkedHashMap<>();
            for (IpvsService service : client.get().services()) {
                table.put(service, client.get().destinations(service.key()));
            }
            return IpvsListing.format(client.get().info(), table, mode, exact);
        } catch (NetlinkException e) {
            return "fulcrum:ipvs: " + e.getMessage() + "\n";
        }
    }
}
