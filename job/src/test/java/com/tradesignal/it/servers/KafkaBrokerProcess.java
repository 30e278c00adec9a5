package com.tradesignal.it.servers;

import org.apache.kafka.common.Uuid;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Kafka {@code 4.2} broker for integration tests, as a separate JVM process: one KRaft node that is both broker
 * and controller, started from the jars that {@code servers/kafka-broker} copies out of Maven Central (no Docker, no
 * Kafka download).
 *
 * <p>Why a process and not the in-JVM {@code KafkaClusterTestKit}: a test can then treat the broker like the one in
 * production (its own JVM, its own memory, killed and restarted independently of the test and of Flink), and the
 * test JVM's classpath does not decide which Kafka runs. Everything binds to 127.0.0.1 on ports picked free at start,
 * so tests neither clash with each other nor open anything to the network. The process is stopped by its PID in
 * {@link #close()} (SIGTERM, SIGKILL after 10 s), never by name, and a shutdown hook kills it if the test JVM exits
 * without closing it.
 *
 * <pre>{@code
 * try (KafkaBrokerProcess kafka = KafkaBrokerProcess.start(workDir)) {
 *     Admin.create(Map.of("bootstrap.servers", kafka.bootstrap())) ...
 * }
 * }</pre>
 *
 * <p>Replication factors and min.insync.replicas are 1 everywhere (internal topics included, so transactions and
 * consumer groups work on one node), {@code group.initial.rebalance.delay.ms=0}, and a transaction may last up to an
 * hour (Flink's exactly-once sink asks for long transaction timeouts). The broker logs to {@link #logFile()}.
 */
public final class KafkaBrokerProcess implements AutoCloseable {
    private static final String STARTED = "Kafka Server started";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path workDir;
    private final Path logFile;
    private final String bootstrap;
    private final Process process;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private KafkaBrokerProcess(Path workDir, Path logFile, String bootstrap, Process process) {
        this.workDir = workDir;
        this.logFile = logFile;
        this.bootstrap = bootstrap;
        this.process = process;
        long pid = process.pid();
        this.shutdownHook = new Thread(() -> ServerProcesses.killNow(pid, Duration.ofSeconds(5)), "kill-kafka-broker-" + pid);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a broker in {@code workDir} (created if needed) and waits until it serves clients. */
    public static KafkaBrokerProcess start(Path workDir) {
        return start(workDir, Map.of());
    }

    /**
     * Starts a broker with {@code extraProperties} added to (or replacing entries of) its {@code server.properties},
     * and waits until it serves clients.
     */
    public static KafkaBrokerProcess start(Path workDir, Map<String, String> extraProperties) {
        Path lib = ServerProcesses.kafkaLib();
        Path dir = workDir.toAbsolutePath().normalize();
        int port = ServerProcesses.freePort();
        int controllerPort = ServerProcesses.freePort();
        while (controllerPort == port) {
            controllerPort = ServerProcesses.freePort();
        }

        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dir.resolve("data").toString());
        props.put("num.partitions", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("transaction.max.timeout.ms", "3600000");
        props.put("auto.create.topics.enable", "true");
        props.putAll(extraProperties);

        StringBuilder text = new StringBuilder("# Written by KafkaBrokerProcess\n");
        props.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path serverProperties = dir.resolve("server.properties");
        ServerProcesses.write(serverProperties, text.toString());
        Path log4j = dir.resolve("log4j2.properties");
        ServerProcesses.write(log4j, """
                # Written by KafkaBrokerProcess: everything to stdout, which goes to kafka.log.
                status = warn
                rootLogger.level = INFO
                rootLogger.appenderRef.stdout.ref = STDOUT
                appender.stdout.type = Console
                appender.stdout.name = STDOUT
                appender.stdout.layout.type = PatternLayout
                appender.stdout.layout.pattern = [%d] %p %m (%c)%n
                logger.raft.name = org.apache.kafka.raft
                logger.raft.level = WARN
                logger.request.name = kafka.request.logger
                logger.request.level = WARN
                """);

        List<String> common = List.of("-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-cp", ServerProcesses.classpath(lib));

        // Format the log dir with a fresh cluster id. Static controller.quorum.voters: no --standalone here.
        List<String> format = new ArrayList<>(List.of(ServerProcesses.javaBinary()));
        format.addAll(ServerProcesses.SHORT_LIVED_JVM);
        format.addAll(common);
        format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", serverProperties.toString()));
        ServerProcesses.runToEnd(format, dir, dir.resolve("format.log"), Duration.ofSeconds(60));

        Path logFile = dir.resolve("kafka.log");
        List<String> server = new ArrayList<>(List.of(ServerProcesses.javaBinary(), "-Xmx512m", "-Xms128m"));
        server.addAll(ServerProcesses.LIGHT_SERVER_JVM);
        server.addAll(common);
        server.addAll(List.of("kafka.Kafka", serverProperties.toString()));
        Process process = ServerProcesses.start(server, dir, logFile, Map.of());
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dir, logFile, "127.0.0.1:" + port, process);
        try {
            broker.awaitStarted();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    private void awaitStarted() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (ServerProcesses.read(logFile).contains(STARTED)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited with code " + process.exitValue()
                        + " while starting\n" + ServerProcesses.tail(logFile, 60));
            }
            ServerProcesses.sleep(100);
        }
        throw new IllegalStateException("The Kafka broker did not start within " + START_TIMEOUT + "\n"
                + ServerProcesses.tail(logFile, 60));
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrap() {
        return bootstrap;
    }

    /** The broker JVM's process id. */
    public long pid() {
        return process.pid();
    }

    /** The broker's stdout and stderr, where its log4j output goes. */
    public Path logFile() {
        return logFile;
    }

    /** server.properties, the data folder (data/) and the logs are here. */
    public Path workDir() {
        return workDir;
    }

    public boolean isAlive() {
        return ServerProcesses.isAlive(process.pid());
    }

    /**
     * Stops the broker by its PID: SIGTERM (a controlled shutdown), SIGKILL if it is still running 10 s later, and
     * waits until the process has gone. Safe to call more than once.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Long> stuck = ServerProcesses.stopAll(List.of(process.pid()));
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting; the hook runs anyway.
        }
        if (!stuck.isEmpty()) {
            throw new IllegalStateException("The Kafka broker (pid " + stuck + ") did not stop");
        }
    }

    @Override
    public String toString() {
        return "KafkaBrokerProcess[" + bootstrap + ", pid " + process.pid() + ", " + workDir + "]";
    }

    /** True once {@link #logFile()} exists and holds {@code text}; for tests that look for a broker log line. */
    public boolean logContains(String text) {
        return Files.exists(logFile) && ServerProcesses.read(logFile).contains(text);
    }
}
