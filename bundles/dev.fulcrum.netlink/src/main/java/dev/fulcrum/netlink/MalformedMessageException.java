package dev.fulcrum.netlink;

/** Bytes that do not decode as the netlink structure they claim to be (truncated, bad length, ...). */
public class MalformedMessageException extends NetlinkException {

    public MalformedMessageException(String message) {
        super(message);
    }
}
