package dev.fulcrum.api.os;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/** Loadable kernel modules (ip_vs, ip_vs_ftp, nf_conntrack_ftp ...). */
@ProviderType
public interface KernelModules {

    /** Loaded now or built into the kernel. */
    boolean isLoaded(String module);

    /** Loaded, built in, or present in the module tree of the running kernel. */
    boolean isAvailable(String module);

    /** Loads the module with modprobe(8); does nothing when it is already loaded. */
    void load(String module) throws IOException;
}
