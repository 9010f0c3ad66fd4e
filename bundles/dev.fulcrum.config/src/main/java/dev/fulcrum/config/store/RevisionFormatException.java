package dev.fulcrum.config.store;

/**
 * Bytes that are not a well-formed, intact revision file. Thrown by the pure {@link RevisionCodec};
 * the file layer adds the path and turns it into a {@link CorruptRevisionException}.
 */
final class RevisionFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    RevisionFormatException(String message) {
        super(message);
    }
}
