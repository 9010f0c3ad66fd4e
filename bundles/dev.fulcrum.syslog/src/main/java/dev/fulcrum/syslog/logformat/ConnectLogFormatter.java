package dev.fulcrum.syslog.logformat;

import dev.fulcrum.api.model.proxy.Mode;
import java.net.InetSocketAddress;

/**
 * The default log line of a proxy with neither "option tcplog" nor "option httplog"
 * (configuration.txt 8.2.1 "Default log format"), sent when the connection is accepted:
 * {@code Connect from CLIENT:PORT to LOCAL:PORT (FRONTEND/MODE)}.
 */
public final class ConnectLogFormatter {

    private ConnectLogFormatter() {
    }

    /**
     * @param client   the client's address and port
     * @param local    the address and port the client connected to (the bind)
     * @param frontend the frontend's name
     */
    public static String format(InetSocketAddress client, InetSocketAddress local, String frontend, Mode mode) {
        return "Connect from " + LogFields.address(client.getAddress()) + ":" + client.getPort() + " to "
                + LogFields.address(local.getAddress()) + ":" + local.getPort() + " (" + frontend + "/" + mode.name()
                + ")";
    }
}
