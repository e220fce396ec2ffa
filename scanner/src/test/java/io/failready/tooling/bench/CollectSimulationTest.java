package io.failready.tooling.bench;

import io.failready.tooling.Throttling;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectSimulationTest {
    static CollectSimulation.Call call(String op) { return new CollectSimulation.Call("us-east-1", "sqs", op); }

    @Test
    void profileTextRoundTrips() {
        var p = new CollectSimulation.Profile(List.of(List.of(call("ListQueues"), call("GetQueueAttributes")), List.of(call("ListQueueTags"))));
        assertEquals(p, CollectSimulation.Profile.parse(p.text()));
        assertEquals(3, p.calls());
        assertTrue(CollectSimulation.bundledProfile().calls() > 100, "the bundled profile is the bench estate's");
    }

    @Test
    void withoutThrottlingTheModelTakesExactlyTheLatencyBound() {
        // 4 tasks of 10 calls, each call its own API: no bucket runs dry
        List<List<CollectSimulation.Call>> tasks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<CollectSimulation.Call> calls = new ArrayList<>();
            for (int c = 0; c < 10; c++) calls.add(call("Op" + t + "x" + c));
            tasks.add(calls);
        }
        var p = new CollectSimulation.Profile(tasks);
        var o = CollectSimulation.simulate(p, 8, 1, 4, 0.1, 1.0);
        // 8 AssumeRole calls on 4 workers (0.2 s), then 8 x 40 calls on 4 workers (8 s)
        assertEquals(8.2, o.seconds(), 1e-9);
        assertEquals(8.2, o.boundSeconds(), 1e-9);
        assertEquals(0, o.throttled());
        assertEquals(8 * 40 + 8, o.calls());
    }

    @Test
    void aBucketRunningDryWaitsForItsRefillWithinTheTarget() {
        // 60 DescribeVpcs share EC2's Describe* bucket, scaled to burst 10, refill 2 a second
        List<CollectSimulation.Call> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) calls.add(new CollectSimulation.Call("us-east-1", "ec2", i % 2 == 0 ? "DescribeVpcs" : "DescribeSubnets"));
        var p = new CollectSimulation.Profile(List.of(calls));
        var o = CollectSimulation.simulate(p, 1, 1, 1, 0.01, 0.1);
        assertEquals((60 - 10) / 2.0, o.boundSeconds(), 1e-9, "the bucket, not the latency, bounds it");
        assertTrue(o.throttled() > 0);
        assertTrue(o.seconds() >= o.boundSeconds() && o.seconds() <= CollectBench.Result.TARGET * o.boundSeconds(), o.describe());
    }

    @Test
    void shardsShareTheCallersStsBucket() {
        var p = new CollectSimulation.Profile(List.of(List.of(call("ListQueues"))));
        Throttling.Quota sts = Throttling.quota("sts", "AssumeRole");
        var o = CollectSimulation.simulate(p, 210, 8, 8, 0.001, 1.0);
        assertEquals((210 - sts.burst()) / sts.perSecond(), o.boundSeconds(), 1e-9);
        assertTrue(o.seconds() >= o.boundSeconds(), o.describe());
    }

    @Test
    void ciExamplesQuoteWhatTheSimulationComputes() throws IOException {
        String estimate = CollectSimulation.ciEstimate();
        assertTrue(estimate.matches("[A-Za-z0-9 +\\-=._:/@]{1,256}"), "a valid AWS Batch tag value: " + estimate);
        String k8s = Files.readString(Path.of("../ci/k8s-indexed-job.yaml"));
        assertTrue(k8s.contains("# " + estimate + "\n"), "ci/k8s-indexed-job.yaml says: " + estimate);
        var batch = io.failready.util.Json.MAPPER.readTree(Files.readString(Path.of("../ci/aws-batch-array-job.json")));
        assertEquals(estimate, batch.path("tags").path("failready-expected-duration").asText());
        assertEquals(CollectSimulation.CI_SHARDS, batch.path("arrayProperties").path("size").asInt());
        assertTrue(k8s.contains("completions: " + CollectSimulation.CI_SHARDS + "\n"));
    }
}
