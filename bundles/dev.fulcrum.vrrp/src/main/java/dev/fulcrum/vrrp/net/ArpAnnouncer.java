package dev.fulcrum.vrrp.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Sends gratuitous ARP on one Ethernet interface through an AF_PACKET SOCK_DGRAM socket (packet(7)):
 * the kernel builds the Ethernet header from the sockaddr_ll we pass (broadcast, ETH_P_ARP).
 */
public final class ArpAnnouncer implements AutoCloseable {

    private static final int SOCKADDR_LL_SIZE = 20;

    private final NativeCalls calls;
    private final int fd;
    private final int interfaceIndex;
    private final byte[] mac;

    private ArpAnnouncer(NativeCalls calls, int fd, int interfaceIndex, byte[] mac) {
        this.calls = calls;
        this.fd = fd;
        this.interfaceIndex = interfaceIndex;
        this.mac = mac;
    }

    /** @param hardwareAddress the interface's MAC as "aa:bb:cc:dd:ee:ff" */
    public static ArpAnnouncer open(Optional<Path> namespaceFile, int interfaceIndex, String hardwareAddress)
            throws IOException {
        byte[] mac = ArpFrame.parseMac(hardwareAddress);
        NativeCalls calls = new NativeCalls(VrrpLibC.load());
        return calls.inNamespace(namespaceFile, () -> {
            int fd = calls.libc().socket(VrrpLibC.AF_PACKET, VrrpLibC.SOCK_DGRAM | VrrpLibC.CLOEXEC,
                    Short.toUnsignedInt(Short.reverseBytes((short) VrrpLibC.ETH_P_ARP)));
            if (fd < 0) {
                throw calls.failure("socket(AF_PACKET, SOCK_DGRAM, ETH_P_ARP)");
            }
            return new ArpAnnouncer(calls, fd, interfaceIndex, mac);
        });
    }

    /** One gratuitous ARP for {@code address}. */
    public void announce(Inet4Address address) throws IOException {
        byte[] frame = ArpFrame.announcement(mac, address);
        byte[] sockaddr = sockaddrLl();
        if (calls.libc().sendto(fd, frame, frame.length, 0, sockaddr, sockaddr.length) < 0) {
            throw calls.failure("sendto gratuitous ARP for " + address.getHostAddress());
        }
    }

    @Override
    public void close() {
        calls.libc().close(fd);
    }

    /**
     * struct sockaddr_ll (linux/if_packet.h): sll_family, sll_protocol (network order), sll_ifindex,
     * sll_hatype, sll_pkttype, sll_halen, sll_addr[8] = the broadcast address.
     */
    private byte[] sockaddrLl() {
        ByteBuffer buffer = ByteBuffer.allocate(SOCKADDR_LL_SIZE).order(ByteOrder.nativeOrder());
        buffer.putShort((short) VrrpLibC.AF_PACKET);
        buffer.order(ByteOrder.BIG_ENDIAN).putShort((short) VrrpLibC.ETH_P_ARP);
        buffer.order(ByteOrder.nativeOrder()).putInt(interfaceIndex).putShort((short) 0).put((byte) 0).put((byte) 6);
        for (int i = 0; i < 6; i++) {
            buffer.put((byte) 0xff);
        }
        return buffer.array();
    }
}
