package com.tradesignal.job.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.function.SerializableFunction;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;

/**
 * Appends one line per record to a local file, consistently with checkpoints: the checkpoint records the file's
 * length, and a restore cuts the file back to that length before it goes on. A run resumed from a savepoint (or
 * restarted after a failure) therefore leaves exactly the lines of an uninterrupted run.
 *
 * <p>Meant for the local, embedded runs (replay, demo) with sink parallelism 1; a cluster run writes to Kafka.
 */
public final class JsonLinesFileSink<T> implements Sink<T>, SupportsWriterState<T, Long> {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final SerializableFunction<T, String> toLine;

    public JsonLinesFileSink(Path file, SerializableFunction<T, String> toLine) {
        this.file = file.toAbsolutePath().toString();
        this.toLine = toLine;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return new Writer<>(pathFor(context), 0L, toLine);
    }

    @Override
    public StatefulSinkWriter<T, Long> restoreWriter(WriterInitContext context, Collection<Long> recoveredState)
            throws IOException {
        long length = recoveredState.stream().mapToLong(Long::longValue).max().orElse(0L);
        return new Writer<>(pathFor(context), length, toLine);
    }

    private Path pathFor(WriterInitContext context) {
        int subtask = context.getTaskInfo().getIndexOfThisSubtask();
        int parallelism = context.getTaskInfo().getNumberOfParallelSubtasks();
        return parallelism == 1 ? Path.of(file) : Path.of(file + "." + subtask);
    }

    @Override
    public SimpleVersionedSerializer<Long> getWriterStateSerializer() {
        return new LengthSerializer();
    }

    private static final class Writer<T> implements StatefulSinkWriter<T, Long> {
        private final FileChannel channel;
        private final OutputStream out;
        private final SerializableFunction<T, String> toLine;

        Writer(Path path, long keepBytes, SerializableFunction<T, String> toLine) throws IOException {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(keepBytes); // drops lines written after the checkpoint we resume from
            channel.position(keepBytes);
            this.out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            this.toLine = toLine;
        }

        @Override
        public void write(T element, Context context) throws IOException {
            out.write(toLine.apply(element).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
            if (endOfInput) {
                channel.force(false);
            }
        }

        @Override
        public List<Long> snapshotState(long checkpointId) throws IOException {
            out.flush();
            return List.of(channel.position());
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Version 1: the file length as a long. */
    private static final class LengthSerializer implements SimpleVersionedSerializer<Long> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Long length) throws IOException {
            DataOutputSerializer out = new DataOutputSerializer(8);
            out.writeLong(length);
            return out.getCopyOfBuffer();
        }

        @Override
        public Long deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("unknown file sink state version " + version);
            }
            return new DataInputDeserializer(serialized).readLong();
        }
    }
}
