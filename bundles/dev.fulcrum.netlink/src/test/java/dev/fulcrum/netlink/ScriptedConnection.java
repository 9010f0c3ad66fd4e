package dev.fulcrum.netlink;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A {@link Connection} for unit tests of the family layers: records requests and answers each with
 * the next scripted result (replies, or an exception to throw).
 */
public final class ScriptedConnection implements Connection {

    /** The requests in the order they were made, as execute or dump received them. */
    public final List<NetlinkMessage> requests = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();

    public ScriptedConnection thenReply(NetlinkMessage... replies) {
        answers.add(List.of(replies));
        return this;
    }

    public ScriptedConnection thenFail(NetlinkException error) {
        answers.add(error);
        return this;
    }

    /** An NLMSG_ERROR carrying {@code errno} as the kernel would answer a request. */
    public static NetlinkErrorException kernelError(int errno) {
        return new NetlinkErrorException("request", new ErrorMessage(errno, 0, 0, java.util.Optional.empty(),
                java.util.OptionalInt.empty()));
    }

    @Override
    public List<NetlinkMessage> execute(NetlinkMessage request) throws NetlinkException {
        return answer(request);
    }

    @Override
    public List<NetlinkMessage> dump(NetlinkMessage request) throws NetlinkException {
        return answer(request);
    }

    @SuppressWarnings("unchecked")
    private List<NetlinkMessage> answer(NetlinkMessage request) throws NetlinkException {
        requests.add(request);
        Object next = answers.poll();
        if (next == null) {
            throw new NetlinkException("no scripted answer for request " + requests.size());
        }
        if (next instanceof NetlinkException error) {
            throw error;
        }
        return (List<NetlinkMessage>) next;
    }

    @Override
    public void joinGroup(int group) {
        throw new UnsupportedOperationException("not scripted");
    }

    @Override
    public List<NetlinkMessage> receive(Duration timeout) {
        return List.of();
    }

    @Override
    public int portId() {
        return 1;
    }

    @Override
    public long droppedMessages() {
        return 0;
    }

    @Override
    public void close() {
    }
}
