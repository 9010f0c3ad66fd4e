package dev.fulcrum.config.store;

import java.util.Objects;

/** One stored revision: its header and the payload the header's checksum was verified against. */
public record Revision(RevisionHeader header, RevisionContent content) {

    public Revision {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(content, "content");
        if (!header.mediaType().equals(content.mediaType())) {
            throw new IllegalArgumentException("header media type " + header.mediaType()
                    + " differs from the content's " + content.mediaType());
        }
    }

    public long number() {
        return header.number();
    }
}
