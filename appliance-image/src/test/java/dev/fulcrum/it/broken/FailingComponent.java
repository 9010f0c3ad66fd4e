package dev.fulcrum.it.broken;

import java.util.concurrent.Callable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** A component whose activation always fails: the deployer and SCR must contain the damage. */
@Component(service = Callable.class, property = "fulcrum.it=failing", immediate = true)
public class FailingComponent implements Callable<String> {

    public static final String MESSAGE = "deliberate failure in activate";

    @Activate
    public FailingComponent() {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public String call() {
        return "unreachable";
    }
}
