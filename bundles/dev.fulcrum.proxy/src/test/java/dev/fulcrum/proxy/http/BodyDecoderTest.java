package dev.fulcrum.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {

    /** Feeds the text in pieces of the given size and returns the content, checking the end. */
    private static String decode(BodyDecoder decoder, String wire, int pieceSize, String expectedRest)
            throws HttpParseException {
        StringBuilder content = new StringBuilder();
        ByteBuf in = Unpooled.buffer();
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        boolean done = false;
        for (int at = 0; at < bytes.length && !done; at += pieceSize) {
            in.writeBytes(bytes, at, Math.min(pieceSize, bytes.length - at));
            List<ByteBuf> out = new ArrayList<>();
            done = decoder.decode(in, out);
            for (ByteBuf piece : out) {
                content.append(piece.toString(StandardCharsets.ISO_8859_1));
                piece.release();
            }
        }
        assertTrue(done, "body complete");
        String rest = wire.substring(wire.length() - expectedRest.length());
        assertEquals(expectedRest, rest);
        in.release();
        return content.toString();
    }

    @Test
    void dechunksWithExtensionsTrailersAndBareLfInAnyPieceSize() throws HttpParseException {
        String wire = "4;name=v\r\nWiki\r\n5 \r\npedia\n0\r\nTrailer: x\r\n\r\n";
        for (int size = 1; size <= wire.length(); size++) {
            BodyDecoder decoder = new BodyDecoder(new RequestHead.Chunked());
            assertEquals("Wikipedia", decode(decoder, wire, size, ""), "size " + size);
            assertEquals(List.of(new Headers.Field("Trailer", "x")), decoder.trailers().fields(), "size " + size);
        }
    }

    @Test
    void cutsALengthBodyAtItsLength() throws HttpParseException {
        BodyDecoder decoder = new BodyDecoder(new RequestHead.Length(5));
        ByteBuf in = Unpooled.copiedBuffer("helloGET", StandardCharsets.ISO_8859_1);
        List<ByteBuf> out = new ArrayList<>();
        assertTrue(decoder.decode(in, out));
        assertEquals("hello", out.get(0).toString(StandardCharsets.ISO_8859_1));
        assertEquals("GET", in.toString(StandardCharsets.ISO_8859_1));
        out.forEach(ByteBuf::release);
        in.release();
    }

    @Test
    void untilCloseNeverEndsByItself() throws HttpParseException {
        BodyDecoder decoder = new BodyDecoder(new RequestHead.UntilClose());
        ByteBuf in = Unpooled.copiedBuffer("data", StandardCharsets.ISO_8859_1);
        List<ByteBuf> out = new ArrayList<>();
        assertFalse(decoder.decode(in, out));
        assertEquals(1, out.size());
        out.forEach(ByteBuf::release);
        in.release();
    }

    @Test
    void rejectsBadChunkFraming() {
        for (String[] bad : new String[][] {
            {"x\r\n", "invalid chunk size 'x'"},
            {"-1\r\n", "invalid chunk size '-1'"},
            {"4 junk\r\nWiki\r\n", "invalid chunk size '4 junk'"},
            {"1000000000000000\r\n", "chunk size too large"},
            {"4\r\nWikiXX", "chunk data not followed by CRLF"},
            {"4\rWiki", "CR not followed by LF in chunked framing"},
            {"0\r\nno colon\r\n\r\n", "header line without a name and colon"},
            {"0\r\nX: 1\r\n folded\r\n\r\n", "obsolete line folding"},
            {"0\r\n" + "X: 1\r\n".repeat(101), "more than 100 trailer fields"}}) {
            ByteBuf in = Unpooled.copiedBuffer(bad[0], StandardCharsets.ISO_8859_1);
            List<ByteBuf> out = new ArrayList<>();
            BodyDecoder decoder = new BodyDecoder(new RequestHead.Chunked());
            HttpParseException e = assertThrows(HttpParseException.class, () -> {
                decoder.decode(in, out);
                decoder.decode(in, out);
            }, bad[0]);
            assertEquals(bad[1], e.getMessage(), bad[0]);
            out.forEach(ByteBuf::release);
            in.release();
        }
    }
}
