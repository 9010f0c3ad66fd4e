package dev.fulcrum.config.keepalived;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * {@link SourceReader} on the real file system. Files are read as UTF-8 (malformed bytes become
 * U+FFFD, never an exception). Globbing follows glob(3) as keepalived calls it: segment by
 * segment, a leading '.' is matched only by a pattern that starts with '.', directories are not
 * returned, and the result is sorted.
 */
final class FileSystemSourceReader implements SourceReader {

    @Override
    public String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(Files.exists(file) ? "not a regular file" : "no such file");
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    @Override
    public List<Path> glob(Path directory, String pattern) throws IOException {
        List<Path> current = new ArrayList<>();
        current.add(pattern.startsWith("/") ? directory.toAbsolutePath().getRoot() : directory);
        String[] segments = pattern.split("/");
        List<String> parts = new ArrayList<>();
        for (String segment : segments) {
            if (!segment.isEmpty()) {
                parts.add(segment);
            }
        }
        for (int k = 0; k < parts.size(); k++) {
            boolean last = k == parts.size() - 1;
            List<Path> next = new ArrayList<>();
            for (Path base : current) {
                match(base, parts.get(k), last, next);
            }
            current = next;
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        current.sort(Comparator.comparing(Path::toString));
        return current;
    }

    private static void match(Path base, String segment, boolean last, List<Path> into) throws IOException {
        if (!hasWildcard(segment)) {
            Path candidate = base.resolve(segment);
            if (last ? Files.isRegularFile(candidate) : Files.isDirectory(candidate)) {
                into.add(candidate);
            }
            return;
        }
        if (!Files.isDirectory(base)) {
            return;
        }
        PathMatcher matcher;
        try {
            matcher = base.getFileSystem().getPathMatcher("glob:" + segment.replace("{", "\\{").replace("}", "\\}"));
        } catch (PatternSyntaxException e) {
            throw new IOException("invalid pattern '" + segment + "': " + e.getDescription(), e);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
            for (Path entry : entries) {
                Path name = entry.getFileName();
                boolean hidden = name.toString().startsWith(".") && !segment.startsWith(".");
                if (!hidden && matcher.matches(name)
                        && (last ? Files.isRegularFile(entry) : Files.isDirectory(entry))) {
                    into.add(entry);
                }
            }
        }
    }

    private static boolean hasWildcard(String segment) {
        return segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0 || segment.indexOf('[') >= 0;
    }
}
