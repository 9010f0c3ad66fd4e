package dev.fulcrum.netlink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A netlink socket bound to one protocol (and one network namespace). Requests get a fresh sequence
 * number; replies are matched on sequence and port id, and anything else is dropped and counted.
 * Calls are serialised.
 */
public interface Connection extends AutoCloseable {

    /**
     * Sends {@code request} with NLM_F_REQUEST | NLM_F_ACK and waits for the kernel's ACK.
     *
     * @return the replies that came before the ACK (e.g. an NLM_F_ECHO copy or a GET's answer)
     * @throws NetlinkErrorException when the kernel answered with an errno
     */
    List<NetlinkMessage> execute(NetlinkMessage request) throws NetlinkException;

    /**
     * Sends requests that the kernel answers with an ACK only (table changes), each with
     * NLM_F_REQUEST | NLM_F_ACK, in order. A socket may send several before reading their ACKs: the
     * kernel's netlink_rcv_skb (net/netlink/af_netlink.c) handles the messages of one datagram in
     * order, acknowledges each, and goes on with the next after an error, so the outcome of each
     * request is the same as when they are sent one at a time. This default sends them one at a time.
     *
     * @return per request, in order: empty when the kernel acknowledged it, its error otherwise
     * @throws NetlinkException when the exchange itself failed (no reply, an undecodable reply): it is
     *         then unknown which of the requests the kernel applied
     */
    default List<Optional<NetlinkErrorException>> executeAll(List<NetlinkMessage> requests) throws NetlinkException {
        List<Optional<NetlinkErrorException>> outcomes = new ArrayList<>(requests.size());
        for (NetlinkMessage request : requests) {
            try {
                execute(request);
                outcomes.add(Optional.empty());
            } catch (NetlinkErrorException e) {
                outcomes.add(Optional.of(e));
            }
        }
        return outcomes;
    }

    /**
     * Sends {@code request} with NLM_F_REQUEST | NLM_F_DUMP and collects every NLM_F_MULTI part up
     * to NLMSG_DONE.
     */
    List<NetlinkMessage> dump(NetlinkMessage request) throws NetlinkException;

    /** Joins a multicast group (NETLINK_ADD_MEMBERSHIP, e.g. RTNLGRP_LINK) for {@link #receive}. */
    void joinGroup(int group) throws NetlinkException;

    /**
     * Waits up to {@code timeout} for notifications of the joined groups; an empty list when none
     * came. Malformed datagrams are dropped and counted.
     */
    List<NetlinkMessage> receive(Duration timeout) throws NetlinkException;

    /** This socket's port id (nl_pid as the kernel bound it). */
    int portId();

    /** Replies and notifications dropped so far: foreign sequence or port id, undecodable bytes. */
    long droppedMessages();

    @Override
    void close();
}
