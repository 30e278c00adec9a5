package com.tradesignal.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The machine a report was measured on: CPU, cores, memory, OS, JVM and the commit. */
public record MachineInfo(String cpu, int cores, long memoryBytes, String os, String jvm, String maxHeap, String commit) {

    public static MachineInfo read(Path repoRoot) {
        String cpu = "unknown";
        long mem = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    mem = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            cpu = System.getProperty("os.arch");
        }
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")";
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        String heap = Fmt.bytes(Runtime.getRuntime().maxMemory());
        return new MachineInfo(cpu, Runtime.getRuntime().availableProcessors(), mem, os, jvm, heap, commit(repoRoot));
    }

    /**
     * The commit, with "-dirty" when tracked files differ from it. The report itself does not count: a run that
     * merges into it finds it changed by the parts before, which says nothing about the code measured.
     */
    private static String commit(Path repoRoot) {
        String head = git(repoRoot, "describe", "--always");
        if (head == null) return "unknown";
        String changes = git(repoRoot, "status", "--porcelain", "--untracked-files=no", "--", ".",
                ":(exclude)docs/benchmarks.md");
        return changes == null || changes.isEmpty() ? head : head + "-dirty";
    }

    private static String git(Path repoRoot, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repoRoot.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("CPU", cpu));
        rows.add(List.of("Cores", Integer.toString(cores)));
        rows.add(List.of("Memory", mem()));
        rows.add(List.of("OS", os));
        rows.add(List.of("JVM", jvm + ", max heap " + maxHeap + ", args " + String.join(" ",
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X")).toList())));
        rows.add(List.of("Commit", commit));
        return rows;
    }

    private String mem() {
        return memoryBytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", memoryBytes / (double) (1L << 30));
    }
}
