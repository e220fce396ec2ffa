package io.failready.cli;

import io.failready.collect.aws.IamPolicy;
import picocli.CommandLine.Command;

/** {@code failready iam-policy}: print the least-privilege, read-only IAM policy the collectors need. */
@Command(name = "iam-policy", description = "Print the least-privilege read-only IAM policy derived from the collectors' API calls.",
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR)
public class IamPolicyCommand extends AbstractCommand {
    @Override protected int doExecute() {
        out().print(IamPolicy.render());
        return ExitCodes.OK;
    }
}
