package fearless.grader.cli;

import fearless.grader.engine.UsageException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * How every command ends when it throws: a request that cannot be served is one line and exit 2;
 * anything else is the kit's own failure, with its stack trace for the report a user files, and
 * exit 3. One place, so no command can answer the same mistake in its own way.
 */
final class Failures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof UsageException) {
            err.println("fearless: " + e.getMessage());
            err.flush();
            return Main.USAGE;
        }
        err.println("fearless: " + command.getCommandName() + " failed: " + e);
        e.printStackTrace(err);
        err.flush();
        return Main.GRADER_ERROR;
    }
}
