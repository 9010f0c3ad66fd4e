package dev.fulcrum.vrrp.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code struct inotify_event} (linux/inotify.h, inotify(7)): the watch descriptor, the event
 * mask and the name of the file in the watched directory ("" for the directory itself).
 */
public record InotifyEvent(int watch, int mask, String name) {

    /** linux/inotify.h: a file opened for writing was closed. */
    public static final int IN_CLOSE_WRITE = 0x00000008;
    /** linux/inotify.h: a file was moved out of / into the directory. */
    public static final int IN_MOVED_FROM = 0x00000040;
    public static final int IN_MOVED_TO = 0x00000080;
    /** linux/inotify.h: a file was deleted from the directory. */
    public static final int IN_DELETE = 0x00000200;
    /** linux/inotify.h: the kernel's event queue overflowed; events were lost. */
    public static final int IN_Q_OVERFLOW = 0x00004000;
    /** linux/inotify.h: the watch was removed (by inotify_rm_watch, or the directory is gone). */
    public static final int IN_IGNORED = 0x00008000;

    /** wd, mask, cookie and len: four 32-bit fields before the name. */
    static final int HEADER = 16;

    /** The events in the first {@code length} bytes of a read(2) from an inotify descriptor, in native byte order. */
    public static List<InotifyEvent> decode(byte[] buffer, int length) {
        ByteBuffer in = ByteBuffer.wrap(buffer, 0, length).order(ByteOrder.nativeOrder());
        List<InotifyEvent> events = new ArrayList<>();
        while (in.remaining() >= HEADER) {
            int watch = in.getInt();
            int mask = in.getInt();
            in.getInt(); // cookie: pairs IN_MOVED_FROM with IN_MOVED_TO, not needed to reread a file
            int nameLength = in.getInt();
            if (nameLength < 0 || nameLength > in.remaining()) {
                break; // the kernel writes whole events only; a short buffer ends the list
            }
            byte[] name = new byte[nameLength];
            in.get(name);
            int end = 0;
            while (end < name.length && name[end] != 0) {
                end++; // the name is NUL-terminated and padded with NULs
            }
            events.add(new InotifyEvent(watch, mask, new String(name, 0, end, StandardCharsets.UTF_8)));
        }
        return events;
    }

    public boolean is(int flag) {
        return (mask & flag) != 0;
    }
}
