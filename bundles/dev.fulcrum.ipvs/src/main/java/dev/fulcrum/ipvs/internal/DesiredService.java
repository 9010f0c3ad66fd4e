package dev.fulcrum.ipvs.internal;

import dev.fulcrum.ipvs.IpvsDestination;
import dev.fulcrum.ipvs.IpvsService;
import java.util.List;

/** One service as the kernel should have it, with its destinations (or as it has it, when read back). */
record DesiredService(IpvsService service, List<IpvsDestination> destinations) {

    DesiredService {
        destinations = List.copyOf(destinations);
    }
}
