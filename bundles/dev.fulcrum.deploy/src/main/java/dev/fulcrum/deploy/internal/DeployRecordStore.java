package dev.fulcrum.deploy.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keeps the deploy records in the deployer's bundle data area (inside the persistent framework
 * cache), so that after a restart the deployer still knows which bundle came from which jar.
 * One line per record: {@code <bundle id> <checksum> <file>}. Written atomically.
 */
final class DeployRecordStore {

    private final Path file;

    DeployRecordStore(Path file) {
        this.file = file;
    }

    List<DeployRecord> load() throws IOException {
        List<DeployRecord> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.split(" ", 3);
            if (line.isBlank() || line.startsWith("#") || fields.length != 3) {
                continue;
            }
            try {
                records.add(new DeployRecord(Long.parseLong(fields[0]), Path.of(fields[2]), Long.parseLong(fields[1])));
            } catch (NumberFormatException e) {
                // a damaged line loses one record; the planner then treats that bundle like an image bundle
            }
        }
        return records;
    }

    void save(Collection<DeployRecord> records) throws IOException {
        StringBuilder text = new StringBuilder("# bundle-id checksum file (written by dev.fulcrum.deploy)\n");
        for (DeployRecord record : records) {
            text.append(record.bundleId()).append(' ').append(record.checksum()).append(' ')
                    .append(record.file()).append('\n');
        }
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
