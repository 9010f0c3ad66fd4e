package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsText;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel services Fulcrum created, kept in the state directory so that after a restart it still
 * removes the ones the configuration dropped and still never touches services someone else made.
 * One service a line as ipvsadm writes it ({@code TCP 10.0.0.1:80}, {@code UDP [2001:db8::1]:53},
 * {@code FWM 7}, {@code FWM 8 IPv6}). Replaced atomically: written to a temporary file, fsync(2)ed,
 * renamed over the old one (rename(2) is atomic), then the directory fsync(2)ed, so a crash leaves
 * the old list or the new one. A line that does not parse is reported with its number and skipped.
 */
final class OwnedServicesFile {

    static final String NAME = "owned-services";
    private static final Pattern ADDRESS = Pattern.compile("(TCP|UDP|SCTP) (?:\\[([0-9a-fA-F:.]+)]|([0-9.]+)):(\\d{1,5})");
    private static final Pattern FWMARK = Pattern.compile("FWM (\\d{1,10})( IPv6)?");

    private final Path file;
    private final Consumer<String> log;
    private Set<IpvsKey> saved = Set.of();

    OwnedServicesFile(Path directory, Consumer<String> log) {
        this.file = directory.resolve(NAME);
        this.log = log;
    }

    Path path() {
        return file;
    }

    /** The services owned when the file was last written; none when it does not exist or cannot be read. */
    synchronized Set<IpvsKey> load() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException e) {
            log.accept("ipvs: cannot read " + file + ": " + e.getMessage() + "; no service counts as Fulcrum's");
            return Set.of();
        }
        Set<IpvsKey> keys = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                keys.add(parse(line));
            } catch (IllegalArgumentException e) {
                log.accept("ipvs: " + file + ":" + (i + 1) + ": " + e.getMessage() + "; line skipped");
            }
        }
        saved = Set.copyOf(keys);
        return saved;
    }

    /** Writes {@code owned} when it differs from what the file holds; a failure is logged (and retried next time). */
    synchronized void save(Set<IpvsKey> owned) {
        if (owned.equals(saved)) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("# IPVS services Fulcrum created (dev.fulcrum.ipvs); others are never touched");
        lines.addAll(new TreeSet<>(owned.stream().map(IpvsText::key).toList()));
        try {
            replace(String.join("\n", lines) + "\n");
            saved = Set.copyOf(owned);
        } catch (IOException e) {
            log.accept("ipvs: cannot write " + file + ": " + e.getMessage());
        }
    }

    private void replace(String text) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve(NAME + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directoryChannel = FileChannel.open(directory, StandardOpenOption.READ)) {
            directoryChannel.force(true); // the rename itself reaches the disk (fsync(2) of the directory)
        }
    }

    /** The inverse of {@link IpvsText#key}. */
    static IpvsKey parse(String line) {
        Matcher fwmark = FWMARK.matcher(line);
        if (fwmark.matches()) {
            return new IpvsKey.Fwmark(Long.parseLong(fwmark.group(1)), fwmark.group(2) != null);
        }
        Matcher address = ADDRESS.matcher(line);
        if (!address.matches()) {
            throw new IllegalArgumentException("expected \"TCP|UDP|SCTP ADDRESS:PORT\" or \"FWM MARK [IPv6]\", got \"" + line + "\"");
        }
        String literal = address.group(2) != null ? address.group(2) : address.group(3);
        boolean literalShape = address.group(2) != null ? literal.contains(":")
                : literal.chars().filter(c -> c == '.').count() == 3;
        if (!literalShape) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        try {
            // Only literals reach here (the pattern allows digits, dots, hex and colons): no name lookup.
            return new IpvsKey.Address(Protocol.valueOf(address.group(1)), InetAddress.getByName(literal),
                    Integer.parseInt(address.group(4)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + literal);
        }
    }
}
