/**
 * The revision store: the durable history of configuration revisions and the pointer to the current
 * one, under {@code <state>/config/revisions/}:
 *
 * <pre>
 * 0000000041.rev   one file per revision: a text header (number, time, comment, media type,
 * 0000000042.rev   payload length and SHA-256, header CRC32), an empty line, the payload (UTF-8)
 * current          "0000000042\n": the revision every subsystem reconciles
 * store.lock       fcntl lock against a second process (holds the owner's pid)
 * jvm.lock         guard against a second open in the same JVM (see StoreLock)
 * *.tmp            only while a write is in flight, or left by a crash: deleted on open
 * </pre>
 *
 * Every file is replaced by write-temp, fsync, rename, fsync-directory ({@code DurableFiles}), so a
 * crash at any instant leaves the old or the new version of each file, and the revision file is
 * durable before the pointer names it. Package-private classes are the pure codecs
 * ({@code RevisionCodec}, {@code RevisionLayout}, {@code HistoryPolicy}) and the I/O around them.
 */
package dev.fulcrum.config.store;
