package io.failready.collect.aws;

import io.failready.collect.ClientFactory;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import io.failready.rules.api.Labels;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adding a collector is one package plus one registry line: whatever else the scanner needs about
 * it (client builder, read-only list, IAM policy, labels, gap service, docs) is derived from its
 * descriptor, and this test fails when a collector is written but not registered, or registered
 * with a descriptor something downstream cannot use.
 */
class CollectorRegistryTest {
    static final Path DOC = Path.of("..", "docs", "resource-types.md");

    /** Every concrete Collector compiled under io.failready.collect.aws, found on disk rather than from the registry. */
    static Set<String> compiledCollectors() throws IOException {
        Path root = Path.of(URI.create(CollectorRegistry.class.getProtectionDomain().getCodeSource().getLocation().toString()));
        Path pkg = root.resolve("io/failready/collect/aws");
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(pkg)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
                Class<?> c;
                try {
                    c = Class.forName(name, false, CollectorRegistry.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
                if (Collector.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) out.add(c.getName());
            }
        }
        return out;
    }

    @Test
    void everyCollectorClassIsRegistered() throws IOException {
        Set<String> registered = new TreeSet<>(CollectorRegistry.all().stream().map(c -> c.getClass().getName()).toList());
        Set<String> compiled = compiledCollectors();
        assertTrue(compiled.size() >= 20, "found only " + compiled);
        assertEquals(compiled, registered, "a collector class is not in CollectorRegistry.all() (or the registry names one that is not compiled)");
    }

    @Test
    void everyDescriptorIsUsableDownstream() throws IOException {
        String policy = IamPolicy.render();
        String doc = Files.readString(DOC);
        Set<String> services = new TreeSet<>();
        for (CollectorDescriptor d : CollectorRegistry.descriptors()) {
            String who = d.service();
            assertTrue(services.add(who), "two collectors for " + who);
            assertTrue(who.matches("[a-z0-9]+"), who + ": a gap service is the SDK service id in lower case");
            assertFalse(d.operations().isEmpty(), who + " declares no operations");
            assertEquals(d.operations().stream().sorted().distinct().toList(), d.operations(), who);
            assertTrue(ApiCalls.all().containsAll(d.operations()), who + " operations missing from ApiCalls");
            for (String op : d.operations()) {
                assertTrue(policy.contains("\"" + d.iamAction(op) + "\""), who + ": " + d.iamAction(op) + " missing from the IAM policy");
            }
            assertFalse(d.resourceTypes().isEmpty(), who + " writes no resource type");
            for (CollectorDescriptor.ResourceType t : d.resourceTypes()) {
                assertFalse(t.label().isBlank(), t.type());
                assertEquals(t.label(), Labels.kind(t.type()), t.type() + ": Labels does not read the declared label");
                assertEquals(who, Labels.service(t.type()), t.type());
                assertTrue(doc.contains("| `" + t.type() + "` |"), t.type() + " missing from docs/resource-types.md");
            }
            assertTrue(d.global() || d.metadata() != null, who + ": a regional collector names the SDK's region metadata (regions(...))");
        }
    }

    @Test
    void theClientFactoryBuildsEveryDeclaredClientWithoutReflection() {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATESTNOTREAL00000", "not-a-secret"));
        try (ClientFactory clients = new ClientFactory(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1), null,
                CollectorRegistry.descriptors())) {
            for (CollectorDescriptor d : CollectorRegistry.everyCaller()) {
                for (Class<? extends SdkClient> type : d.clients().keySet()) {
                    // global: the descriptor's signing home, the one region the factory looks up rather than passes through
                    assertInstanceOf(type, clients.client(type, "base", creds, io.failready.facts.Resource.GLOBAL), d.service());
                }
            }
        }
    }

    @Test
    void aClientNoDescriptorDeclaresIsRefused() {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATESTNOTREAL00000", "not-a-secret"));
        try (ClientFactory clients = new ClientFactory(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> clients.client(S3Client.class, "base", creds, "eu-west-1"));
            assertTrue(e.getMessage().contains("S3Client") && e.getMessage().contains("descriptor"), e.getMessage());
        }
    }

    @Test
    void aDescriptorRefusesOperationsOutsideItsServices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CollectorDescriptor.of("s3", S3Client.class, S3Client::builder)
                .operations("ListBuckets", "kms:ListKeys").build());
        assertTrue(e.getMessage().contains("kms:ListKeys"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CollectorDescriptor.of("s3", S3Client.class, S3Client::builder)
                .operations("ListBuckets").iamAction("GetObject", "GetObject").build(), "an IAM name for a call it does not make");
    }

    @Test
    void gapServicesOfACollectorComeFromItsDescriptor() {
        CollectorDescriptor ddb = CollectorRegistry.descriptors().stream().filter(d -> d.service().equals("dynamodb")).findFirst().orElseThrow();
        assertEquals("applicationautoscaling", ddb.gapService("application-autoscaling"));
        assertEquals("dynamodb", ddb.gapService("dynamodb"));
        assertEquals(List.of("dynamodb", "applicationautoscaling"), ddb.gapServices());
        assertEquals(java.util.Set.of("applicationautoscaling"), ApiCalls.gapServices("application-autoscaling"));
        assertEquals(java.util.Set.of("docdb", "neptune", "rds"), ApiCalls.gapServices("rds"));
        assertEquals("s3:ListAllMyBuckets", ApiCalls.iamAction("s3:ListBuckets"));
    }
}
