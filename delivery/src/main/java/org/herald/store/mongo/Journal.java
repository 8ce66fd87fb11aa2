package org.herald.store.mongo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * An append-only log of records in numbered segment files, written by group commit: callers enqueue,
 * then wait; one of them writes everything queued in a single {@code write}, so N concurrent writers
 * cost one system call. Once {@code write} returns the record survives the death of the process;
 * with {@code fsync} it also survives the machine's. Each record is {@code length, CRC-32, bytes}; a
 * torn tail (the process died mid-write) ends replay cleanly.
 */
final class Journal implements AutoCloseable {
    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".log";

    private final Path dir;
    private final boolean fsync;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long enqueued;
    private long durable;
    private boolean writing;
    private FileChannel channel;
    private long segment;

    Journal(Path dir, boolean fsync) {
        this.dir = dir;
        this.fsync = fsync;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + dir, e);
        }
        List<Long> existing = segmentNumbers();
        this.segment = existing.isEmpty() ? 1 : existing.get(existing.size() - 1) + 1;
        this.channel = open(segment);
    }

    /** Segments left by an earlier run, oldest first (the one this instance writes is not among them). */
    List<Path> olderSegments() {
        return segmentNumbers().stream().filter(n -> n < segment).map(this::path).toList();
    }

    /** Reads every whole record of a segment in order. */
    static void replay(Path file, Consumer<byte[]> record) {
        ByteBuffer all;
        try {
            all = ByteBuffer.wrap(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file, e);
        }
        while (all.remaining() >= 8) {
            int length = all.getInt();
            long crc = all.getInt() & 0xFFFFFFFFL;
            if (length < 0 || length > all.remaining()) return; // torn tail
            byte[] bytes = new byte[length];
            all.get(bytes);
            if (crc(bytes) != crc) return;
            record.accept(bytes);
        }
    }

    /** Queues a record; the caller then waits with {@link #awaitDurable}. */
    long enqueue(byte[] record) {
        lock.lock();
        try {
            ByteBuffer header = ByteBuffer.allocate(8).putInt(record.length).putInt((int) crc(record));
            pending.writeBytes(header.array());
            pending.writeBytes(record);
            return ++enqueued;
        } finally {
            lock.unlock();
        }
    }

    /** Returns once the record with this ticket is written (and forced, with fsync). */
    void awaitDurable(long ticket) {
        lock.lock();
        try {
            while (durable < ticket) {
                if (writing) {
                    written.awaitUninterruptibly();
                } else {
                    writeQueued();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts a new segment: what is queued goes to the old one first. The caller makes sure nobody
     * enqueues meanwhile. Returns the segments that are now complete.
     */
    List<Path> rotate() {
        lock.lock();
        try {
            while (writing) written.awaitUninterruptibly();
            writeQueued();
            closeChannel();
            segment++;
            channel = open(segment);
            return olderSegments();
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held: writes what is queued, releasing the lock during the I/O. */
    private void writeQueued() {
        if (pending.size() == 0) {
            durable = enqueued;
            return;
        }
        writing = true;
        byte[] batch = pending.toByteArray();
        long upTo = enqueued;
        pending = new ByteArrayOutputStream();
        FileChannel target = channel;
        lock.unlock();
        IOException failure = null;
        try {
            ByteBuffer buffer = ByteBuffer.wrap(batch);
            while (buffer.hasRemaining()) target.write(buffer);
            if (fsync) target.force(false);
        } catch (IOException e) {
            failure = e;
        } finally {
            lock.lock();
            writing = false;
            written.signalAll();
        }
        if (failure != null) throw new UncheckedIOException("cannot write the journal", failure);
        durable = Math.max(durable, upTo);
    }

    void delete(List<Path> segments) {
        for (Path p : segments) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete journal segment " + p, e);
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            while (writing) written.awaitUninterruptibly();
            writeQueued();
            closeChannel();
        } finally {
            lock.unlock();
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileChannel open(long number) {
        try {
            return FileChannel.open(path(number), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal segment " + path(number), e);
        }
    }

    private Path path(long number) {
        return dir.resolve(PREFIX + String.format("%016d", number) + SUFFIX);
    }

    private List<Long> segmentNumbers() {
        try (Stream<Path> files = Files.list(dir)) {
            List<Long> numbers = new ArrayList<>();
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(PREFIX) && n.endsWith(SUFFIX))
                    .forEach(n -> numbers.add(Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length()))));
            numbers.sort(null);
            return numbers;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
