package dev.fulcrum.config.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The payload of one revision: already-validated text the store keeps byte for byte. The store
 * never interprets it; today it is opaque, later the canonical JSON of the configuration model.
 *
 * @param mediaType what the text is, e.g. {@code application/json}; one {@code type/subtype}
 *                  token because it is written as a single header line
 * @param text      the payload, stored as UTF-8
 */
public record RevisionContent(String mediaType, String text) {

    /** RFC 6838 section 4.2 restricted-name characters, which also keeps the header line safe. */
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");

    public RevisionContent {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(text, "text");
        if (!MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new IllegalArgumentException("media type '" + mediaType
                    + "' is not a type/subtype token (RFC 6838 section 4.2), e.g. application/json");
        }
    }

    public static RevisionContent json(String text) {
        return new RevisionContent("application/json", text);
    }
}
