package com.tradesignal.job;

import org.apache.flink.configuration.Configuration;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Flink configuration for a run on the embedded MiniCluster: RocksDB state with incremental file checkpoints, no
 * restarts (a replay that fails on bad input should stop and say why, not loop), optionally resuming from a
 * savepoint. The same keys work on a cluster, where they come from its config.yaml.
 */
public final class LocalRunConfig {
    private LocalRunConfig() {}

    public static Configuration of(int parallelism, Path checkpointDir, Duration checkpointInterval, Path savepoint) {
        Configuration conf = new Configuration();
        conf.setString("parallelism.default", Integer.toString(parallelism));
        conf.setString("state.backend.type", "rocksdb");
        // Timers on the heap, state in RocksDB: every minute bar sets an event-time timer and the watermark fires it
        // moments later, so a RocksDB-backed timer queue costs a write, a seek and a delete per bar for a queue
        // that holds a few timers per instrument. Heap timers are checkpointed with the rest of the keyed state.
        conf.setString("state.backend.rocksdb.timer-service.factory", "HEAP");
        conf.setString("execution.checkpointing.storage", "filesystem");
        conf.setString("execution.checkpointing.dir", checkpointDir.toAbsolutePath().toUri().toString());
        conf.setString("execution.checkpointing.savepoint-dir", checkpointDir.resolve("savepoints").toAbsolutePath().toUri().toString());
        conf.setString("execution.checkpointing.incremental", "true");
        conf.setString("execution.checkpointing.interval", checkpointInterval.toMillis() + " ms");
        conf.setString("execution.checkpointing.checkpoints-after-tasks-finish", "true");
        conf.setString("restart-strategy.type", "none");
        // Enough task slots for every subtask of a job at this parallelism on one TaskManager.
        conf.setString("taskmanager.numberOfTaskSlots", Integer.toString(parallelism));
        conf.setString("rest.bind-address", "127.0.0.1");
        conf.setString("rest.address", "127.0.0.1");
        if (savepoint != null) {
            conf.setString("execution.state-recovery.path", savepoint.toAbsolutePath().toUri().toString());
        }
        return conf;
    }
}
