package dev.semdex.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * An OS file lock next to the index that only one writer can hold. The OS drops it when the process dies, so a
 * crash never leaves the index locked.
 */
final class WriterLock {

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or null when another process (or another open index in this JVM) holds it. */
    static WriterLock tryAcquire(Path lockFile) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileChannel channel = lockFile.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(lockFile, options);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return new WriterLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            return null;
        }
    }

    void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }
}
