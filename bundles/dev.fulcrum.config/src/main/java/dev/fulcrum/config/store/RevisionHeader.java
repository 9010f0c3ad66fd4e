package dev.fulcrum.config.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link RevisionStore#list()} shows of a revision without reading its payload.
 *
 * @param number        1, 2, 3, ...; never reused, even after old revisions are pruned
 * @param created       when the store wrote it (from the injected clock)
 * @param comment       the author's short note, may be empty
 * @param mediaType     the payload's media type
 * @param payloadBytes  the payload's length in UTF-8 bytes
 * @param payloadSha256 lower-case hex SHA-256 of the payload bytes: an identity callers may use to
 *                      tell whether two revisions carry the same configuration
 */
public record RevisionHeader(long number, Instant created, String comment, String mediaType,
        long payloadBytes, String payloadSha256) {

    /** Longest comment in characters: it is a note in a listing, not a change log. */
    public static final int MAX_COMMENT_LENGTH = 500;

    public RevisionHeader {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(payloadSha256, "payloadSha256");
        if (number < 1) {
            throw new IllegalArgumentException("revision numbers start at 1, got " + number);
        }
        if (comment.length() > MAX_COMMENT_LENGTH) {
            throw new IllegalArgumentException("comment is " + comment.length()
                    + " characters long, at most " + MAX_COMMENT_LENGTH + " are allowed");
        }
        if (payloadBytes < 0) {
            throw new IllegalArgumentException("negative payload length " + payloadBytes);
        }
    }
}
