package dev.fulcrum.vrrp.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** struct inotify_event (linux/inotify.h) as read(2) returns them, and a real inotify descriptor. */
class InotifyEventTest {

    /** wd, mask, cookie, len, then the name padded with NULs to len (the kernel pads to 16 bytes). */
    private static void event(ByteBuffer out, int watch, int mask, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        int length = name.isEmpty() ? 0 : (bytes.length / 16 + 1) * 16;
        out.putInt(watch).putInt(mask).putInt(7).putInt(length).put(bytes).put(new byte[length - bytes.length]);
    }

    @Test
    void decodesEventsWithPaddedNamesAndStopsAtAShortTail() {
        ByteBuffer out = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
        event(out, 1, InotifyEvent.IN_CLOSE_WRITE, "flag");
        event(out, 2, InotifyEvent.IN_DELETE, "a-name-of-exactly-16");
        event(out, 1, InotifyEvent.IN_IGNORED, "");
        out.putInt(3).putInt(InotifyEvent.IN_MOVED_TO).putInt(0).putInt(32).put((byte) 'x'); // name cut off
        List<InotifyEvent> events = InotifyEvent.decode(out.array(), out.position());
        assertEquals(List.of(new InotifyEvent(1, InotifyEvent.IN_CLOSE_WRITE, "flag"),
                new InotifyEvent(2, InotifyEvent.IN_DELETE, "a-name-of-exactly-16"),
                new InotifyEvent(1, InotifyEvent.IN_IGNORED, "")), events);
        assertTrue(events.get(1).is(InotifyEvent.IN_DELETE));
    }

    @Test
    void aWriteIsReportedWhenTheWriterClosesTheFile(@TempDir Path dir) throws Exception {
        try (Inotify inotify = Inotify.open()) {
            int watch = inotify.watch(dir);
            Files.writeString(dir.resolve("f"), "1");
            Files.move(Files.writeString(dir.resolve("g"), "2"), dir.resolve("h"));
            Files.delete(dir.resolve("f"));
            List<InotifyEvent> seen = new ArrayList<>();
            for (int i = 0; i < 50 && seen.size() < 5; i++) {
                seen.addAll(inotify.next(Duration.ofMillis(200)));
            }
            assertEquals(List.of(new InotifyEvent(watch, InotifyEvent.IN_CLOSE_WRITE, "f"),
                    new InotifyEvent(watch, InotifyEvent.IN_CLOSE_WRITE, "g"),
                    new InotifyEvent(watch, InotifyEvent.IN_MOVED_FROM, "g"),
                    new InotifyEvent(watch, InotifyEvent.IN_MOVED_TO, "h"),
                    new InotifyEvent(watch, InotifyEvent.IN_DELETE, "f")), seen, "no event for the writes themselves");
        }
    }
}
