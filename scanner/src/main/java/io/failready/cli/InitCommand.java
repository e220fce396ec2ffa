package io.failready.cli;

import io.failready.util.AtomicFiles;
import io.failready.util.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

@Command(name = "init", header = "Write a commented starter configuration.")
public final class InitCommand extends AbstractCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "failready.yaml", description = "Where to write it (default: ${DEFAULT-VALUE}).")
    Path output;
    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;
    @Option(names = "--name", paramLabel = "NAME", defaultValue = "my-workload", description = "Workload name (default: ${DEFAULT-VALUE}).")
    String name;
    @Option(names = "--accounts", paramLabel = "IDS", split = ",", description = "Account ids to list.")
    List<String> accounts;
    @Option(names = "--primary-region", paramLabel = "REGION", defaultValue = "us-east-1", description = "Primary region (default: ${DEFAULT-VALUE}).")
    String primary;
    @Option(names = "--recovery-region", paramLabel = "REGION", defaultValue = "us-west-2", description = "Recovery region (default: ${DEFAULT-VALUE}).")
    String recovery;
    @Option(names = "--discover", negatable = true, description = "Discover accounts (Organizations) and enabled regions with the credentials at hand. "
            + "Default: on when credentials are configured; --no-discover to skip.")
    Boolean discover;
    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile for discovery.")
    String profile;
    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Endpoint for discovery calls (emulators).")
    String endpointUrl;

    @Override protected int doExecute() throws IOException {
        if (Files.exists(output) && !force) throw new InputException(output, "already exists; use --force to overwrite.");
        String template;
        try (InputStream in = InitCommand.class.getResourceAsStream("/io/failready/cli/starter-config.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> ids = accounts == null || accounts.isEmpty() ? List.of("123456789012") : accounts;
        for (String id : ids) if (!id.matches("\\d{12}")) throw new InputException("--accounts: '" + id + "' is not a 12-digit account id.");
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        String regionsNote = "";
        boolean tryDiscovery = discover != null ? discover
                : (accounts == null || accounts.isEmpty()) && io.failready.collect.Discovery.credentialsPresent(System.getenv(), profile);
        if (tryDiscovery) {
            try {
                var found = io.failready.collect.Discovery.discover(profile, endpointUrl == null ? null : java.net.URI.create(endpointUrl), primary);
                if (accounts == null || accounts.isEmpty()) {
                    ids = found.accounts().stream().map(io.failready.collect.Discovery.Account::id).toList();
                    for (var a : found.accounts()) if (a.name() != null) names.put(a.id(), a.name());
                }
                if (!found.enabledRegions().isEmpty()) regionsNote = "    # regions enabled for " + found.callerAccount() + ": "
                        + String.join(", ", found.enabledRegions()) + "\n";
                for (String n : found.notes()) err().println("init: " + n);
            } catch (RuntimeException e) {
                err().println("init: discovery skipped (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); listing placeholder accounts.");
            }
        }
        StringBuilder acc = new StringBuilder();
        for (String id : ids) {
            acc.append("      - id: \"").append(id).append("\"\n");
            if (names.containsKey(id)) acc.append("        name: ").append(io.failready.util.Json.YAML.writeValueAsString(names.get(id)).replaceFirst("^---\\s*", "").trim()).append("\n");
            acc.append("        roleName: failready-audit\n");
        }
        String text = template.replace("@NAME@", name).replace("@PRIMARY@", primary).replace("@RECOVERY@", recovery)
                .replace("@ACCOUNTS@\n", acc.toString()).replace("    primaryRegion:", regionsNote + "    primaryRegion:");
        AtomicFiles.writeString(output, text);
        out().println("wrote " + output + " — edit it, then run: failready scan --config " + output);
        return ExitCodes.OK;
    }
}
