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
    @Option(names = "--primary-region", paramLabel = "REGION", defaultValue = "us-east-1") String primary;
    @Option(names = "--recovery-region", paramLabel = "REGION", defaultValue = "us-west-2") String recovery;

    @Override protected int doExecute() throws IOException {
        if (Files.exists(output) && !force) throw new InputException(output, "already exists; use --force to overwrite.");
        String template;
        try (InputStream in = InitCommand.class.getResourceAsStream("/io/failready/cli/starter-config.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> ids = accounts == null || accounts.isEmpty() ? List.of("123456789012") : accounts;
        for (String id : ids) if (!id.matches("\\d{12}")) throw new InputException("--accounts: '" + id + "' is not a 12-digit account id.");
        StringBuilder acc = new StringBuilder();
        for (String id : ids) acc.append("      - id: \"").append(id).append("\"\n        roleName: failready-audit\n");
        String text = template.replace("@NAME@", name).replace("@PRIMARY@", primary).replace("@RECOVERY@", recovery)
                .replace("@ACCOUNTS@\n", acc.toString());
        AtomicFiles.writeString(output, text);
        out().println("wrote " + output + " — edit it, then run: failready scan --config " + output);
        return ExitCodes.OK;
    }
}
