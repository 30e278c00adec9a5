package com.tradesignal.it.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Shared plumbing of the real-server harness ({@link KafkaBrokerProcess}, {@link FlinkSessionCluster}): where the
 * servers' jars are, free ports on 127.0.0.1, starting a JVM with its output in a file, and stopping processes by
 * PID.
 *
 * <p>The servers' classpaths are built by the {@code servers/} modules ({@code mvn package} copies them to
 * {@code servers/kafka-broker/target/kafka-lib} and {@code servers/flink-cluster/target/flink-lib}); failsafe passes
 * their paths as the system properties {@code tradesignal.it.kafkaLib} and {@code tradesignal.it.flinkLib}. Without
 * them (a test started from an IDE) the folders are looked up from the working directory upwards.
 */
public final class ServerProcesses {
    /** Grace period between SIGTERM and SIGKILL when a server is stopped. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** For JVMs that run a tool for a second or two (storage format, memory calculation): start fast, stay small. */
    static final List<String> SHORT_LIVED_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /**
     * For the server JVMs that do little computing in a test (the Kafka broker, the Flink JobManager): the C1 compiler
     * only and the serial collector, which take much less CPU while starting. TaskManagers, which run the job, keep
     * the JVM's defaults.
     */
    static final List<String> LIGHT_SERVER_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ServerProcesses() {
    }

    /** The Kafka broker's classpath folder (servers/kafka-broker/target/kafka-lib). */
    public static Path kafkaLib() {
        return libDir("tradesignal.it.kafkaLib", Path.of("servers", "kafka-broker", "target", "kafka-lib"), "kafka_2.13-");
    }

    /** The Flink session cluster's classpath folder (servers/flink-cluster/target/flink-lib). */
    public static Path flinkLib() {
        return libDir("tradesignal.it.flinkLib", Path.of("servers", "flink-cluster", "target", "flink-lib"), "flink-runtime-");
    }

    /** The shaded job jar, job/target/tradesignal-job.jar (built in {@code package}). */
    public static Path jobJar() {
        String configured = System.getProperty("tradesignal.it.jobJar");
        Path jar = configured != null ? Path.of(configured)
                : findUpwards(Path.of("job", "target", "tradesignal-job.jar")).orElse(Path.of("target", "tradesignal-job.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The shaded job jar " + jar.toAbsolutePath() + " is missing: run `mvn -pl job -am package` first");
        }
        return jar.toAbsolutePath().normalize();
    }

    /**
     * A fresh folder for one test's servers: {@code target/it-servers/NAME-yyyyMMdd-HHmmss-PID} in the module being
     * tested, unique per test JVM, so that two runs of the same test at once do not share (or delete) each other's
     * files. Logs stay there after the test, for reading when something failed; {@code mvn clean} removes them.
     */
    public static Path freshWorkDir(String name) {
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path base = Path.of("target", "it-servers").toAbsolutePath().normalize();
        try {
            Files.createDirectories(base);
            for (int attempt = 0; ; attempt++) {
                Path dir = base.resolve(name + "-" + stamp + "-" + ProcessHandle.current().pid() + (attempt == 0 ? "" : "-" + attempt));
                try {
                    return Files.createDirectory(dir);
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    // the same test twice within a second in this JVM: next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare a folder in " + base, e);
        }
    }

    private static Path libDir(String property, Path relative, String markerPrefix) {
        String configured = System.getProperty(property);
        Path dir = configured != null ? Path.of(configured) : findUpwards(relative).orElse(relative);
        boolean complete;
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            complete = files.anyMatch(p -> p.getFileName().toString().startsWith(markerPrefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!complete) {
            throw new IllegalStateException("No server jars in " + dir.toAbsolutePath()
                    + ": run `mvn -pl servers -am package` (or the whole build) first");
        }
        return dir.toAbsolutePath().normalize();
    }

    private static Optional<Path> findUpwards(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code -cp DIR/*}: the JVM expands the wildcard itself, no shell involved. */
    static String classpath(Path libDir) {
        return libDir.resolve("*").toString();
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code command} in {@code workDir} with stdout and stderr appended to {@code output}. */
    static Process start(List<String> command, Path workDir, Path output, java.util.Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    /** Runs a short-lived command to its end; returns its output, or throws if it failed. */
    static String runToEnd(List<String> command, Path workDir, Path output, Duration timeout) {
        Process process = start(command, workDir, output, java.util.Map.of());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
                throw new IllegalStateException("Timed out after " + timeout + ": " + command + "\n" + tail(output, 40));
            }
        } catch (InterruptedException e) {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + command, e);
        }
        String text = read(output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Exit code " + process.exitValue() + " from " + command + "\n" + tail(output, 40));
        }
        return text;
    }

    /**
     * Stops the processes by PID: SIGTERM to all of them, SIGKILL to those still alive after {@link #STOP_GRACE}, and
     * waits until every one has gone. Returns the PIDs that could not be stopped (none, normally).
     */
    static List<Long> stopAll(Collection<Long> pids) {
        List<ProcessHandle> handles = new ArrayList<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroy();
                handles.add(h);
            });
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle h : handles) {
            awaitExit(h, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        List<Long> stuck = new ArrayList<>();
        for (ProcessHandle h : handles) {
            if (h.isAlive()) {
                h.destroyForcibly();
                if (!awaitExit(h, Duration.ofSeconds(10))) {
                    stuck.add(h.pid());
                }
            }
        }
        return stuck;
    }

    /** SIGKILL ({@code destroyForcibly} sends SIGKILL on Linux) and wait for the process to be gone. */
    static boolean killNow(long pid, Duration timeout) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        handle.get().destroyForcibly();
        return awaitExit(handle.get(), timeout);
    }

    static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        }
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            // A log that is being written may end in the middle of a character; read it leniently.
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (IOException again) {
                return "(unreadable: " + again + ")";
            }
        }
    }

    /** The last {@code lines} lines of a log, for error messages. */
    static String tail(Path file, int lines) {
        String[] all = read(file).split("\n");
        int from = Math.max(0, all.length - lines);
        return "--- last lines of " + file + " ---\n" + String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
