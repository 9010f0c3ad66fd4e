package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.vrrp.VrrpTrackFile;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * keepalived.conf(5) {@code init_file [VALUE] [overwrite]}: "VALUE (default 0) to be written to the
 * specified file at startup if the file doesn't exist, unless overwrite is specified in which case any
 * existing file contents will be overwritten". keepalived writes the number and a newline.
 */
final class TrackFileInit {

    private static final Logger LOG = System.getLogger(TrackFileInit.class.getName());

    private TrackFileInit() {
    }

    /** Writes the initial value; a file that cannot be written is logged and then read as it is. */
    static void apply(VrrpTrackFile file, VrrpTrackFile.Init init) {
        byte[] content = (init.value() + "\n").getBytes(StandardCharsets.US_ASCII);
        Path path = Path.of(file.file());
        try {
            if (init.overwrite()) {
                Files.write(path, content);
            } else {
                Files.write(path, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            LOG.log(Level.DEBUG, "track_file " + file.name() + ": wrote " + init.value() + " to " + path);
        } catch (FileAlreadyExistsException e) {
            // left as it is: no overwrite
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "track_file " + file.name() + ": init_file cannot write " + path + ": " + e);
        }
    }
}
