package dev.fulcrum.config.check;

import dev.fulcrum.api.os.Sysctl;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code fulcrum:check FILE...} in the Gogo shell: the same check and text as the launcher's
 * {@code check} command, with the runtime's environment and host name.
 */
@Component(service = CheckCommand.class, property = {
        "osgi.command.scope=fulcrum",
        "osgi.command.function=check"})
public final class CheckCommand {

    private final Sysctl sysctl;

    @Activate
    public CheckCommand(@Reference Sysctl sysctl) {
        this.sysctl = sysctl;
    }

    /** Arguments as on the command line: files, -f/--keepalived/--haproxy FILE, --lenient. */
    public String check(String... args) {
        ConfigCheck.Report report = new ConfigCheck(System.getenv(), Set.of(HostName.configId(sysctl)))
                .run(List.of(args));
        String verdict = report.exitCode() == ConfigCheck.UNREADABLE ? "(exit 2: not checked)\n" : "";
        return report.output() + report.errors() + verdict;
    }
}
