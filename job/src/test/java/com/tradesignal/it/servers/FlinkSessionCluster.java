package com.tradesignal.it.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * A real Flink {@code 2.2} standalone session cluster for integration tests: one JobManager and any number of
 * TaskManagers, each a separate JVM process started from the jars that {@code servers/flink-cluster} copies out of
 * Maven Central (flink-dist is not published there and is not needed). Jobs reach it the way they reach a production
 * cluster: a jar uploaded and run over the REST API.
 *
 * <p>Why processes and not a MiniCluster: the job's jar is loaded by Flink's user-code class loader, as on a real
 * cluster (so a shading mistake or a class that only the test classpath has shows up here), and a TaskManager can be
 * killed with SIGKILL ({@link #killTaskManager(int)}) and replaced ({@link #startTaskManager()}) to test recovery
 * from checkpoints. The JVMs are started the way Flink's scripts start them: the memory flags and dynamic properties
 * come from {@code BashJavaUtils GET_JM_RESOURCE_PARAMS} / {@code GET_TM_RESOURCE_PARAMS}, plus the Java 17
 * {@code --add-opens} list of Flink's default configuration.
 *
 * <p>Everything binds to 127.0.0.1; the REST and JobManager RPC ports are picked free at start, blob and TaskManager
 * RPC ports come from fixed ranges. State is RocksDB with checkpoints and savepoints under the work directory, and
 * the restart strategy is fixed-delay (5 attempts, 1 s apart). Heartbeats are every second, so a killed TaskManager
 * is noticed in a few seconds. The processes are stopped by PID in {@link #close()} (SIGTERM, SIGKILL after 10 s),
 * never by name, and a shutdown hook kills them if the test JVM exits without closing the cluster.
 *
 * <p>Layout of the work directory: {@code conf/} (config.yaml, log4j.properties), {@code log/} (one .log and one
 * .out per process), {@code checkpoints/}, {@code savepoints/}, {@code tmp/}, {@code web-tmp/}, {@code web-upload/}.
 */
public final class FlinkSessionCluster implements AutoCloseable {
    private static final String JM_CLASS = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TM_CLASS = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> TERMINAL = Set.of("FINISHED", "FAILED", "CANCELED", "SUSPENDED");

    /** From Flink's default config.yaml: what Flink needs on Java 17. */
    public static final List<String> JAVA_17_OPTS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** /overview: what the JobManager sees. */
    public record Overview(int taskManagers, int slotsTotal, int slotsAvailable, int jobsRunning, int jobsFinished,
                           int jobsCancelled, int jobsFailed, String flinkVersion) {
    }

    /**
     * The counts of /jobs/{id}/checkpoints, and the id and path of the latest completed checkpoint and of the one the
     * job last restored from (-1 and null where there is none).
     */
    public record Checkpoints(long total, long completed, long failed, long inProgress, long restored,
                              long latestCompletedId, String latestCompletedPath,
                              long latestRestoredId, String latestRestoredPath) {
        /** True once a checkpoint has completed after the latest restore: the restarted job runs again. */
        public boolean completedSinceRestore() {
            return restored > 0 && latestCompletedId > latestRestoredId;
        }
    }

    /**
     * One TaskManager process, alive or not. {@code index} is its position in {@link #taskManagers()}; its Flink
     * resource id is {@code tm-INDEX} (so the REST API's /taskmanagers entries map to processes).
     */
    public static final class TaskManager {
        private final int index;
        private final Process process;
        private final Path logFile;
        private final Path outFile;

        private TaskManager(int index, Process process, Path logFile, Path outFile) {
            this.index = index;
            this.process = process;
            this.logFile = logFile;
            this.outFile = outFile;
        }

        public int index() {
            return index;
        }

        /** {@code taskmanager.resource-id}: the id under which /taskmanagers lists it. */
        public String resourceId() {
            return resourceId(index);
        }

        static String resourceId(int index) {
            return "tm-" + index;
        }

        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** The exit code once it has ended (137 after {@link FlinkSessionCluster#killTaskManager(int)}). */
        public Integer exitCode() {
            return process.isAlive() ? null : process.exitValue();
        }

        /** Flink's log (log4j). */
        public Path logFile() {
            return logFile;
        }

        /** The JVM's stdout and stderr (job code's System.out ends up here). */
        public Path outFile() {
            return outFile;
        }

        @Override
        public String toString() {
            return "TaskManager[" + index + ", pid " + pid() + (isAlive() ? "" : ", exited " + exitCode()) + "]";
        }
    }

    private final Path workDir;
    private final Path lib;
    private final Path conf;
    private final Path logDir;
    private final int restPort;
    private final int slotsPerTaskManager;
    private final String restUrl;
    private final HttpClient http;
    private final Map<String, String> env;
    private final Process jobManager;
    private final List<String> tmJvmParams;
    private final List<String> tmDynamicProps;
    private final List<TaskManager> taskManagers = Collections.synchronizedList(new ArrayList<>());
    private final Thread shutdownHook;
    private volatile boolean closed;

    private FlinkSessionCluster(Path workDir, Path lib, int restPort, int slotsPerTaskManager, Process jobManager,
                                List<String> tmJvmParams, List<String> tmDynamicProps, Map<String, String> env) {
        this.workDir = workDir;
        this.lib = lib;
        this.conf = workDir.resolve("conf");
        this.logDir = workDir.resolve("log");
        this.restPort = restPort;
        this.slotsPerTaskManager = slotsPerTaskManager;
        this.restUrl = "http://127.0.0.1:" + restPort;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.jobManager = jobManager;
        this.tmJvmParams = tmJvmParams;
        this.tmDynamicProps = tmDynamicProps;
        this.env = env;
        this.shutdownHook = new Thread(this::killAllNow, "kill-flink-session-cluster");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Writes the configuration, starts a JobManager and {@code taskManagers} TaskManagers with
     * {@code slotsPerTaskManager} slots each, and waits until /overview reports all slots.
     *
     * @param extraConfig added to (or replacing entries of) conf/config.yaml, e.g. {@code execution.checkpointing.interval}
     */
    public static FlinkSessionCluster start(Path workDir, int taskManagers, int slotsPerTaskManager,
                                            Map<String, String> extraConfig) {
        if (taskManagers < 0 || slotsPerTaskManager < 1) {
            throw new IllegalArgumentException("taskManagers >= 0 and slotsPerTaskManager >= 1");
        }
        Path lib = ServerProcesses.flinkLib();
        Path dir = workDir.toAbsolutePath().normalize();
        Path conf = dir.resolve("conf");
        int restPort = ServerProcesses.freePort();
        int rpcPort = ServerProcesses.freePort();
        while (rpcPort == restPort) {
            rpcPort = ServerProcesses.freePort();
        }
        try {
            for (String sub : List.of("conf", "log", "checkpoints", "savepoints", "tmp", "web-tmp", "web-upload", "plugins")) {
                Files.createDirectories(dir.resolve(sub));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Map<String, String> config = new LinkedHashMap<>();
        config.put("env.java.opts.all", String.join(" ", JAVA_17_OPTS));
        config.put("jobmanager.bind-host", "127.0.0.1");
        config.put("jobmanager.rpc.address", "127.0.0.1");
        config.put("jobmanager.rpc.port", Integer.toString(rpcPort));
        config.put("jobmanager.memory.process.size", "768m");
        config.put("jobmanager.execution.failover-strategy", "region");
        config.put("taskmanager.bind-host", "127.0.0.1");
        config.put("taskmanager.host", "127.0.0.1");
        config.put("taskmanager.numberOfTaskSlots", Integer.toString(slotsPerTaskManager));
        config.put("taskmanager.memory.process.size", "1024m");
        // At the default fraction of 0.4 a 1 GB TaskManager has only 25 MB of task heap.
        config.put("taskmanager.memory.managed.fraction", "0.1");
        config.put("taskmanager.rpc.port", "50100-50199");
        config.put("blob.server.port", "50200-50299");
        config.put("rest.address", "127.0.0.1");
        config.put("rest.bind-address", "127.0.0.1");
        config.put("rest.port", Integer.toString(restPort));
        config.put("io.tmp.dirs", dir.resolve("tmp").toString());
        config.put("web.tmpdir", dir.resolve("web-tmp").toString());
        config.put("web.upload.dir", dir.resolve("web-upload").toString());
        config.put("parallelism.default", "1");
        config.put("state.backend.type", "rocksdb");
        config.put("execution.checkpointing.storage", "filesystem");
        config.put("execution.checkpointing.dir", dir.resolve("checkpoints").toUri().toString());
        config.put("execution.checkpointing.savepoint-dir", dir.resolve("savepoints").toUri().toString());
        config.put("restart-strategy.type", "fixed-delay");
        config.put("restart-strategy.fixed-delay.attempts", "5");
        config.put("restart-strategy.fixed-delay.delay", "1 s");
        // Notice a killed TaskManager within seconds (the default is 10 s heartbeats, 50 s timeout).
        config.put("heartbeat.interval", "1000");
        config.put("heartbeat.timeout", "10000");
        config.putAll(extraConfig);
        ServerProcesses.write(conf.resolve("config.yaml"), toYaml(config));
        ServerProcesses.write(conf.resolve("log4j.properties"), """
                # Written by FlinkSessionCluster. append=true: otherwise the file is truncated at shutdown.
                monitorInterval = 0
                rootLogger.level = INFO
                rootLogger.appenderRef.file.ref = MainAppender
                logger.pekko.name = org.apache.pekko
                logger.pekko.level = INFO
                logger.kafka.name = org.apache.kafka
                logger.kafka.level = WARN
                logger.netty.name = org.jboss.netty.channel.DefaultChannelPipeline
                logger.netty.level = OFF
                appender.main.name = MainAppender
                appender.main.type = File
                appender.main.append = true
                appender.main.fileName = ${sys:log.file}
                appender.main.layout.type = PatternLayout
                appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
                """);

        Map<String, String> env = Map.of(
                "FLINK_CONF_DIR", conf.toString(),
                "FLINK_PLUGINS_DIR", dir.resolve("plugins").toString(),
                "FLINK_LIB_DIR", lib.toString());

        // The JobManager's and the TaskManagers' memory flags, computed by Flink itself (in parallel: two JVMs).
        CompletableFuture<List<List<String>>> jmParams = CompletableFuture.supplyAsync(
                () -> resourceParams(lib, dir, "GET_JM_RESOURCE_PARAMS"));
        CompletableFuture<List<List<String>>> tmParams = CompletableFuture.supplyAsync(
                () -> resourceParams(lib, dir, "GET_TM_RESOURCE_PARAMS"));
        List<List<String>> jm;
        List<List<String>> tm;
        try {
            jm = jmParams.join();
            tm = tmParams.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }

        List<String> jmJvm = new ArrayList<>(jm.get(0));
        jmJvm.addAll(ServerProcesses.LIGHT_SERVER_JVM);
        Process jobManager = ServerProcesses.start(
                command(lib, conf, jmJvm, dir.resolve("log").resolve("jobmanager.log"), JM_CLASS, jm.get(1)),
                dir, dir.resolve("log").resolve("jobmanager.out"), env);
        FlinkSessionCluster cluster = new FlinkSessionCluster(dir, lib, restPort, slotsPerTaskManager, jobManager,
                tm.get(0), tm.get(1), env);
        try {
            // TaskManagers retry until the JobManager is up, so they can start at once.
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
            cluster.awaitRegistered(START_TIMEOUT);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** {@code BashJavaUtils}: line 1 the JVM memory flags, line 2 the {@code -D key=value} dynamic properties. */
    private static List<List<String>> resourceParams(Path lib, Path dir, String command) {
        Path out = dir.resolve("log").resolve(command.toLowerCase().replace('_', '-') + ".out");
        List<String> cmd = new ArrayList<>();
        cmd.add(ServerProcesses.javaBinary());
        cmd.addAll(ServerProcesses.SHORT_LIVED_JVM);
        cmd.addAll(List.of("-cp", ServerProcesses.classpath(lib), BASH_JAVA_UTILS, command, "--configDir",
                dir.resolve("conf").toString()));
        String output = ServerProcesses.runToEnd(cmd, dir, out, Duration.ofSeconds(60));
        List<List<String>> results = new ArrayList<>();
        for (String line : output.split("\n")) {
            int at = line.indexOf(RESULT_PREFIX);
            if (at >= 0) {
                String value = line.substring(at + RESULT_PREFIX.length()).trim();
                results.add(value.isEmpty() ? List.of() : List.of(value.split("\\s+")));
            }
        }
        if (results.size() < 2) {
            throw new IllegalStateException(command + " printed " + results.size() + " result lines, expected 2\n"
                    + ServerProcesses.tail(out, 40));
        }
        return results.subList(results.size() - 2, results.size());
    }

    private static List<String> command(Path lib, Path conf, List<String> jvmParams, Path logFile, String mainClass,
                                        List<String> dynamicProps) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ServerProcesses.javaBinary());
        cmd.addAll(jvmParams);
        cmd.addAll(JAVA_17_OPTS);
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dlog.file=" + logFile);
        cmd.add("-Dlog4j.configuration=file:" + conf.resolve("log4j.properties"));
        cmd.add("-Dlog4j.configurationFile=file:" + conf.resolve("log4j.properties"));
        cmd.add("-cp");
        cmd.add(ServerProcesses.classpath(lib));
        cmd.add(mainClass);
        cmd.add("--configDir");
        cmd.add(conf.toString());
        cmd.addAll(dynamicProps);
        return cmd;
    }

    /** Flat keys in YAML, every value a single-quoted string (Flink converts them to the option's type). */
    private static String toYaml(Map<String, String> config) {
        StringBuilder yaml = new StringBuilder("# Written by FlinkSessionCluster\n");
        config.forEach((k, v) -> yaml.append(k).append(": '").append(v.replace("'", "''")).append("'\n"));
        return yaml.toString();
    }

    // ---------------------------------------------------------------------------------------------- processes

    /**
     * Starts another TaskManager process. It registers with the JobManager within a few seconds:
     * {@link #awaitRegistered(Duration)} waits for that.
     */
    public TaskManager startTaskManager() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        synchronized (taskManagers) {
            int index = taskManagers.size();
            Path log = logDir.resolve("taskmanager-" + index + ".log");
            Path out = logDir.resolve("taskmanager-" + index + ".out");
            List<String> dynamicProps = new ArrayList<>(tmDynamicProps);
            dynamicProps.add("-D");
            dynamicProps.add("taskmanager.resource-id=" + TaskManager.resourceId(index));
            Process process = ServerProcesses.start(command(lib, conf, tmJvmParams, log, TM_CLASS, dynamicProps),
                    workDir, out, env);
            TaskManager tm = new TaskManager(index, process, log, out);
            taskManagers.add(tm);
            return tm;
        }
    }

    /**
     * Kills TaskManager {@code index} with SIGKILL (what {@code ProcessHandle.destroyForcibly()} sends on Linux, the
     * same as {@code kill -9}): no shutdown hooks, no goodbye to the JobManager. Waits until the process has gone and
     * returns its exit code, 137 (128 + 9) for a SIGKILL.
     */
    public int killTaskManager(int index) {
        TaskManager tm = taskManagers.get(index);
        if (!ServerProcesses.killNow(tm.pid(), Duration.ofSeconds(10))) {
            throw new IllegalStateException("TaskManager " + index + " (pid " + tm.pid() + ") survived SIGKILL");
        }
        try {
            return tm.process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every TaskManager started so far, in start order, including killed ones. */
    public List<TaskManager> taskManagers() {
        synchronized (taskManagers) {
            return List.copyOf(taskManagers);
        }
    }

    public long jobManagerPid() {
        return jobManager.pid();
    }

    public Path jobManagerLog() {
        return logDir.resolve("jobmanager.log");
    }

    /** The PIDs of the JobManager and of every TaskManager still alive. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(jobManager.pid());
        for (TaskManager tm : taskManagers()) {
            if (tm.isAlive()) {
                pids.add(tm.pid());
            }
        }
        return pids;
    }

    public Path workDir() {
        return workDir;
    }

    public int slotsPerTaskManager() {
        return slotsPerTaskManager;
    }

    // --------------------------------------------------------------------------------------------------- REST

    /** {@code http://127.0.0.1:PORT}, the REST API and the web dashboard. */
    public String restUrl() {
        return restUrl;
    }

    public int restPort() {
        return restPort;
    }

    /** GET /overview. */
    public Overview overview() {
        JsonNode o = get("/overview");
        return new Overview(o.path("taskmanagers").asInt(), o.path("slots-total").asInt(), o.path("slots-available").asInt(),
                o.path("jobs-running").asInt(), o.path("jobs-finished").asInt(), o.path("jobs-cancelled").asInt(),
                o.path("jobs-failed").asInt(), o.path("flink-version").asText());
    }

    /**
     * Polls /overview until {@code condition} holds; fails early if the JobManager process has ended. Returns the
     * overview that satisfied it.
     */
    public Overview awaitOverview(Predicate<Overview> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Overview last = null;
        Exception lastError = null;
        while (System.nanoTime() < deadline) {
            if (!jobManager.isAlive()) {
                throw new IllegalStateException("The JobManager exited with code " + jobManager.exitValue() + "\n"
                        + ServerProcesses.tail(jobManagerLog(), 60) + "\n" + ServerProcesses.tail(logDir.resolve("jobmanager.out"), 20));
            }
            try {
                last = overview();
                lastError = null;
                if (condition.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e; // REST not up yet
            }
            ServerProcesses.sleep(200);
        }
        StringBuilder tms = new StringBuilder();
        for (TaskManager tm : taskManagers()) {
            tms.append('\n').append(tm).append('\n').append(ServerProcesses.tail(tm.logFile(), 20));
        }
        throw new IllegalStateException("Timed out after " + timeout + " waiting on /overview; last: " + last
                + (lastError != null ? " (" + lastError + ")" : "") + "\n" + ServerProcesses.tail(jobManagerLog(), 30) + tms);
    }

    /** Polls /overview until it shows exactly {@code taskManagers} TaskManagers with {@code slotsTotal} slots. */
    public Overview awaitSlots(int taskManagers, int slotsTotal, Duration timeout) {
        return awaitOverview(o -> o.taskManagers() == taskManagers && o.slotsTotal() == slotsTotal, timeout);
    }

    /** The resource ids that GET /taskmanagers lists (registered with the ResourceManager). */
    public Set<String> registeredTaskManagers() {
        Set<String> ids = new java.util.TreeSet<>();
        for (JsonNode tm : get("/taskmanagers").path("taskmanagers")) {
            ids.add(tm.path("id").asText());
        }
        return ids;
    }

    /**
     * Waits until the JobManager's view matches the processes: /taskmanagers lists exactly the TaskManagers whose
     * processes are alive (a killed one has been noticed and dropped, a new one has registered), and /overview counts
     * all their slots. Returns that overview.
     */
    public Overview awaitRegistered(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> alive = Set.of();
        Set<String> registered = Set.of();
        while (System.nanoTime() < deadline) {
            alive = new java.util.TreeSet<>();
            for (TaskManager tm : taskManagers()) {
                if (tm.isAlive()) {
                    alive.add(tm.resourceId());
                }
            }
            int slots = alive.size() * slotsPerTaskManager;
            Overview overview = awaitOverview(o -> true, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (overview.taskManagers() == alive.size() && overview.slotsTotal() == slots) {
                registered = registeredTaskManagers();
                if (registered.equals(alive)) {
                    return overview;
                }
            }
            ServerProcesses.sleep(200);
        }
        throw new IllegalStateException("Timed out after " + timeout + ": TaskManagers alive " + alive + ", registered "
                + registered + "\n" + ServerProcesses.tail(jobManagerLog(), 30));
    }

    /** POST /jars/upload (multipart, field {@code jarfile}); returns the jar id for {@link #run}. */
    public String uploadJar(Path jar) {
        String boundary = "----tradesignal-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                + "Content-Type: application/x-java-archive\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                    HttpRequest.BodyPublishers.ofFile(jar),
                    HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode response = send(HttpRequest.newBuilder(uri("/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body));
        String filename = response.path("filename").asText("");
        if (filename.isEmpty()) {
            throw new IllegalStateException("Upload of " + jar + " answered " + response);
        }
        return Path.of(filename).getFileName().toString();
    }

    /**
     * POST /jars/{jarId}/run: runs {@code entryClass}'s main in the JobManager, which submits the job. Returns the
     * job id.
     *
     * @param savepointPath restore from this savepoint or retained checkpoint; null for a fresh start
     * @param parallelism   the job's default parallelism; null for the cluster's default
     */
    public String run(String jarId, String entryClass, List<String> programArgs, String savepointPath, Integer parallelism) {
        ObjectNode request = JSON.createObjectNode();
        request.put("entryClass", entryClass);
        request.putArray("programArgsList").addAll(programArgs.stream().map(JSON.getNodeFactory()::textNode).toList());
        if (savepointPath != null) {
            request.put("savepointPath", savepointPath);
            request.put("allowNonRestoredState", false);
        }
        if (parallelism != null) {
            request.put("parallelism", parallelism);
        }
        JsonNode response = post("/jars/" + jarId + "/run", request);
        String jobId = response.path("jobid").asText("");
        if (jobId.isEmpty()) {
            throw new IllegalStateException("/jars/" + jarId + "/run answered " + response);
        }
        return jobId;
    }

    /** The job's state from GET /jobs/{id}: CREATED, RUNNING, RESTARTING, FINISHED, FAILED, CANCELED, ... */
    public String jobStatus(String jobId) {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /**
     * Polls until the job is in {@code status}. Fails at once if it reaches another terminal state, with the job's
     * root exception.
     */
    public void awaitStatus(String jobId, String status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = jobStatus(jobId);
            if (last.equals(status)) {
                return;
            }
            if (TERMINAL.contains(last)) {
                throw new IllegalStateException("Job " + jobId + " is " + last + ", not " + status + "; "
                        + rootException(jobId));
            }
            ServerProcesses.sleep(200);
        }
        throw new IllegalStateException("Job " + jobId + " is still " + last + " after " + timeout + ", not " + status
                + "; " + rootException(jobId));
    }

    /**
     * Polls until the job is RUNNING and every one of its tasks is too (after a restart the job is RUNNING while its
     * tasks still wait for slots; checkpoints and savepoints need all of them running).
     */
    public void awaitAllTasksRunning(String jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get("/jobs/" + jobId);
            String state = last.path("state").asText();
            if (TERMINAL.contains(state)) {
                throw new IllegalStateException("Job " + jobId + " is " + state + "; " + rootException(jobId));
            }
            boolean allRunning = "RUNNING".equals(state) && last.path("vertices").size() > 0;
            for (JsonNode vertex : last.path("vertices")) {
                JsonNode tasks = vertex.path("tasks");
                allRunning &= "RUNNING".equals(vertex.path("status").asText())
                        && tasks.path("RUNNING").asInt() == vertex.path("parallelism").asInt();
            }
            if (allRunning) {
                return;
            }
            ServerProcesses.sleep(200);
        }
        throw new IllegalStateException("Job " + jobId + " did not have all tasks running within " + timeout + ": "
                + (last == null ? "no answer" : last.path("vertices").toString()));
    }

    /** The root exception of /jobs/{id}/exceptions, or "no exception". */
    public String rootException(String jobId) {
        try {
            JsonNode ex = get("/jobs/" + jobId + "/exceptions");
            JsonNode history = ex.path("exceptionHistory").path("entries");
            if (history.isArray() && !history.isEmpty()) {
                return history.get(0).path("stacktrace").asText();
            }
            String root = ex.path("root-exception").asText("");
            return root.isEmpty() ? "no exception" : root;
        } catch (RuntimeException e) {
            return "(no exceptions: " + e.getMessage() + ")";
        }
    }

    /** The job ids of /jobs/overview with their states. */
    public Map<String, String> jobs() {
        Map<String, String> jobs = new LinkedHashMap<>();
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
            jobs.put(job.path("jid").asText(), job.path("state").asText());
        }
        return jobs;
    }

    /**
     * POST /jobs/{id}/stop (stop with savepoint, no drain) into {@code targetDir}, and waits for it; returns the
     * savepoint's path (a {@code file:} URI string, for {@link #run}'s {@code savepointPath}).
     */
    public String stopWithSavepoint(String jobId, Path targetDir) {
        ObjectNode request = JSON.createObjectNode();
        request.put("targetDirectory", targetDir.toAbsolutePath().toUri().toString());
        request.put("drain", false);
        String triggerId = post("/jobs/" + jobId + "/stop", request).path("request-id").asText();
        return awaitSavepoint(jobId, triggerId);
    }

    /** POST /jobs/{id}/savepoints without cancelling, and waits for it; returns the savepoint's path. */
    public String triggerSavepoint(String jobId, Path targetDir) {
        ObjectNode request = JSON.createObjectNode();
        request.put("target-directory", targetDir.toAbsolutePath().toUri().toString());
        request.put("cancel-job", false);
        String triggerId = post("/jobs/" + jobId + "/savepoints", request).path("request-id").asText();
        return awaitSavepoint(jobId, triggerId);
    }

    private String awaitSavepoint(String jobId, String triggerId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = get("/jobs/" + jobId + "/savepoints/" + triggerId);
            if ("COMPLETED".equals(state.path("status").path("id").asText())) {
                JsonNode operation = state.path("operation");
                if (operation.hasNonNull("location")) {
                    return operation.get("location").asText();
                }
                throw new IllegalStateException("Savepoint of job " + jobId + " failed: "
                        + operation.path("failure-cause").path("stack-trace").asText(operation.toString()));
            }
            ServerProcesses.sleep(200);
        }
        throw new IllegalStateException("Savepoint " + triggerId + " of job " + jobId + " did not complete in 120 s");
    }

    /** PATCH /jobs/{id}?mode=cancel (returns at once; {@link #awaitStatus} for CANCELED). */
    public void cancel(String jobId) {
        send(HttpRequest.newBuilder(uri("/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    /** GET /jobs/{id}/checkpoints: the counts and the latest completed and restored checkpoints. */
    public Checkpoints checkpoints(String jobId) {
        JsonNode c = get("/jobs/" + jobId + "/checkpoints");
        JsonNode counts = c.path("counts");
        JsonNode latest = c.path("latest");
        JsonNode completed = latest.path("completed");
        JsonNode restored = latest.path("restored");
        return new Checkpoints(counts.path("total").asLong(), counts.path("completed").asLong(),
                counts.path("failed").asLong(), counts.path("in_progress").asLong(), counts.path("restored").asLong(),
                completed.path("id").asLong(-1), completed.path("external_path").asText(null),
                restored.path("id").asLong(-1), restored.path("external_path").asText(null));
    }

    /** GET on any REST path ("/jobs/..."), as JSON. */
    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** POST of a JSON body to any REST path, as JSON. */
    public JsonNode post(String path, JsonNode body) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(restUrl + path);
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(REQUEST_TIMEOUT).build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        try {
            String text = response.body();
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(built.uri() + " answered no JSON: " + response.body(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------- close

    /**
     * Stops every process of the cluster by PID: SIGTERM to the TaskManagers and the JobManager, SIGKILL to any that
     * is still running 10 s later, and waits until all have gone. Safe to call more than once.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Long> stuck = ServerProcesses.stopAll(pids());
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting; the hook runs anyway.
        }
        if (!stuck.isEmpty()) {
            throw new IllegalStateException("Flink processes " + stuck + " did not stop");
        }
    }

    private void killAllNow() {
        for (long pid : pids()) {
            ServerProcesses.killNow(pid, Duration.ofSeconds(5));
        }
    }

    @Override
    public String toString() {
        return "FlinkSessionCluster[" + restUrl + ", JobManager pid " + jobManager.pid() + ", " + taskManagers() + "]";
    }
}
