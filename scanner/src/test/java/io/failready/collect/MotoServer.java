package io.failready.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.util.Json;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The third-party emulator the emulator suites scan: moto in server mode on a free loopback port,
 * seeded by a Python script, stopped after the suite (and by a shutdown hook if the JVM is killed
 * mid-suite, so it never stays listening).
 */
final class MotoServer implements AutoCloseable {
    final Process process;
    final Path log;
    final URI endpoint;
    private final Path work;

    private MotoServer(Process process, Path log, URI endpoint, Path work) {
        this.process = process;
        this.log = log;
        this.endpoint = endpoint;
        this.work = work;
    }

    /** Starts moto with {@code env} added to its environment and waits until it listens. */
    static MotoServer start(Path work, Map<String, String> env) throws Exception {
        requireMoto();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { port = s.getLocalPort(); }
        Path log = work.resolve("moto.log");
        ProcessBuilder pb = python("-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port)).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        ProcessHandle handle = p.toHandle();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            handle.descendants().forEach(ProcessHandle::destroy);
            handle.destroy();
        }));
        MotoServer moto = new MotoServer(p, log, URI.create("http://127.0.0.1:" + port), work);
        moto.awaitListening(port);
        return moto;
    }

    /**
     * Runs the seed script (a test resource) with the endpoint and {@code args}; returns the last
     * JSON line it printed (Python may warn on the same stream), or null when it printed none.
     */
    JsonNode seed(String script, String... args) throws Exception {
        Path seedLog = work.resolve("seed.log");
        List<String> cmd = new ArrayList<>(List.of(resource(script).toString(), endpoint.toString()));
        cmd.addAll(List.of(args));
        Process seed = python(cmd.toArray(String[]::new)).redirectOutput(seedLog.toFile()).start();
        if (!seed.waitFor(5, TimeUnit.MINUTES)) {
            seed.destroyForcibly();
            fail("seeding moto did not finish in 5 minutes\n" + tail(seedLog));
        }
        if (seed.exitValue() != 0) fail("seeding moto failed (exit " + seed.exitValue() + ")\n" + tail(seedLog) + "\nmoto:\n" + tail(log));
        List<String> json = Files.readAllLines(seedLog).stream().filter(l -> l.startsWith("{")).toList();
        return json.isEmpty() ? null : Json.MAPPER.readTree(json.get(json.size() - 1));
    }

    @Override public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    private void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) fail("moto exited (" + process.exitValue() + ") before listening\n" + tail(log));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail("moto did not listen on port " + port + " within 60 s\n" + tail(log));
    }

    /** Python with nothing reaching real AWS: loopback only, no metadata service, no user config. */
    static ProcessBuilder python(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getenv().getOrDefault("FAILREADY_TEST_PYTHON", "python3"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equalsIgnoreCase("http_proxy") || k.equalsIgnoreCase("https_proxy"));
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("NO_PROXY", "127.0.0.1,localhost");
        env.put("PYTHONUNBUFFERED", "1");
        return pb;
    }

    static void requireMoto() throws IOException, InterruptedException {
        Process p = python("-c", "import moto.server, boto3").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("the emulator suite needs moto's server mode and boto3 in python3: run ./test.sh, or pip install 'moto[server]' boto3");
        }
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(MotoServer.class.getClassLoader().getResource(name).toURI());
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
