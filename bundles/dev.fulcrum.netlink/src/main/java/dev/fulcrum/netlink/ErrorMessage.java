package dev.fulcrum.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The payload of an NLMSG_ERROR ({@code struct nlmsgerr}, linux/netlink.h): a negative errno, or 0
 * for an ACK; the header of the request it answers (the whole request unless NLM_F_CAPPED); then,
 * with NLM_F_ACK_TLVS, extended-ACK attributes (enum nlmsgerr_attrs).
 *
 * @param errno            the positive errno, 0 for an ACK
 * @param requestType      nlmsg_type of the request it answers
 * @param requestSequence  nlmsg_seq of the request it answers
 * @param extendedMessage  NLMSGERR_ATTR_MSG, the kernel's explanation
 * @param attributeOffset  NLMSGERR_ATTR_OFFS, the offset of the offending attribute in the request
 */
public record ErrorMessage(int errno, int requestType, int requestSequence, Optional<String> extendedMessage,
        OptionalInt attributeOffset) {

    /** NLMSGERR_ATTR_MSG: error message string. */
    public static final int ATTR_MSG = 1;
    /** NLMSGERR_ATTR_OFFS: offset of the invalid attribute in the original message (u32). */
    public static final int ATTR_OFFS = 2;

    public boolean isAck() {
        return errno == 0;
    }

    /**
     * The error a dump ended with: since Linux 4.x an NLMSG_DONE carries an int (0 or a negative
     * errno) and, with NLM_F_ACK_TLVS, extended-ACK attributes after it. Empty when it reports none.
     */
    public static Optional<ErrorMessage> ofDone(NetlinkMessage done, int requestType) throws MalformedMessageException {
        byte[] payload = done.payload();
        if (payload.length < 4) {
            return Optional.empty();
        }
        int error = ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder()).getInt();
        if (error >= 0) {
            return Optional.empty();
        }
        Optional<String> text = Optional.empty();
        if (done.hasFlag(NetlinkFlags.ACK_TLVS)) {
            text = Attributes.decode(payload, 4).first(ATTR_MSG).map(Attribute::string);
        }
        return Optional.of(new ErrorMessage(-error, requestType, done.sequence(), text, OptionalInt.empty()));
    }

    public static ErrorMessage decode(NetlinkMessage message) throws MalformedMessageException {
        if (message.type() != MessageType.ERROR) {
            throw new MalformedMessageException("not an NLMSG_ERROR: type " + message.type());
        }
        byte[] payload = message.payload();
        int minimum = 4 + MessageCodec.HEADER_LENGTH;
        if (payload.length < minimum) {
            throw new MalformedMessageException("NLMSG_ERROR of " + payload.length + " bytes, needs at least " + minimum);
        }
        ByteBuffer in = ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder());
        int error = in.getInt();
        if (error > 0 || error == Integer.MIN_VALUE) {
            throw new MalformedMessageException("NLMSG_ERROR carries error " + error + ", expected 0 or a negative errno");
        }
        long requestLength = Integer.toUnsignedLong(in.getInt());
        int requestType = Short.toUnsignedInt(in.getShort());
        in.getShort(); // request flags
        int requestSequence = in.getInt();

        Optional<String> text = Optional.empty();
        OptionalInt offset = OptionalInt.empty();
        if (message.hasFlag(NetlinkFlags.ACK_TLVS)) {
            long echoed = message.hasFlag(NetlinkFlags.CAPPED) ? MessageCodec.HEADER_LENGTH : requestLength;
            long attributesStart = MessageCodec.align((int) Math.min(echoed + 4, Integer.MAX_VALUE - 4));
            if (echoed < MessageCodec.HEADER_LENGTH || attributesStart > payload.length) {
                throw new MalformedMessageException("NLMSG_ERROR echoes a request of " + requestLength
                        + " bytes but carries only " + payload.length);
            }
            Attributes attributes = Attributes.decode(payload, (int) attributesStart);
            text = attributes.first(ATTR_MSG).map(Attribute::string);
            Optional<Attribute> offs = attributes.first(ATTR_OFFS);
            if (offs.isPresent()) {
                offset = OptionalInt.of((int) offs.get().u32());
            }
        }
        return new ErrorMessage(-error, requestType, requestSequence, text, offset);
    }
}
