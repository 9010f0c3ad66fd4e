package dev.fulcrum.config.check;

import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code fulcrum:check FILE...} in the Gogo shell: the same check and text as the launcher's
 * {@code check} command, with the runtime's environment and host name.
 */
@Component(service = CheckCommand.class, property = {
        "osgi.command.scope=fulcrum",
        "osgi.command.function=check"})
public final class CheckCommand {

    /** Arguments as on the command line: files, -f/--keepalived/--haproxy FILE, --lenient. */
    public String check(String... args) {
        ConfigCheck.Report report = new ConfigCheck(System.getenv(), HostName.configIds()).run(List.of(args));
        String verdict = report.exitCode() == ConfigCheck.UNREADABLE ? "(exit 2: not checked)\n" : "";
        return report.output() + report.errors() + verdict;
    }
}
