package dev.hookcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hookcheck} command: {@code serve} the mock provider, {@code check} a receiver,
 * {@code sign} a body, list the {@code checks}. Exit codes: 0 success, 1 a required check failed,
 * 2 a usage error (one line on stderr saying what to do), 3 Hookcheck itself failed.
 */
@Command(name = "hookcheck", mixinStandardHelpOptions = true, versionProvider = Hookcheck.Version.class,
        description = "Conformance test kit and mock provider for webhook receivers.",
        subcommands = {ServeCommand.class, CheckCommand.class, SendCommand.class, SignCommand.class, ChecksCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Run 'hookcheck <command> --help' for a command's options."})
public final class Hookcheck implements Runnable {
    /** A required check failed. */
    public static final int FAILED = 1;
    /** The command line or its input is wrong. */
    public static final int USAGE = 2;
    /** Hookcheck itself failed: a bug. */
    public static final int BROKEN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where {@code sign --body -} reads. */
    final InputStream in;
    /** Whether output may be coloured: stdout is a terminal and NO_COLOR is not set. */
    final boolean colour;

    private Hookcheck(InputStream in, boolean colour) {
        this.in = in;
        this.colour = colour;
    }

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        ClientThreads.stop();
        System.exit(code);
    }

    /** Runs one command line as the {@code hookcheck} command would, and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** The same, reading standard input from {@code in}. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        boolean colour = out == System.out && System.console() != null && System.getenv("NO_COLOR") == null;
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        CommandLine commandLine = new CommandLine(new Hookcheck(in, colour))
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Hookcheck::usageError)
                .setExecutionExceptionHandler(Hookcheck::failure);
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().commandLine()
                .setCaseInsensitiveEnumValuesAllowed(true));
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            errWriter.println("hookcheck: Hookcheck ran out of memory (a bug, not your receiver's fault; JAVA_OPTS=-Xmx…"
                    + " gives it more; please report it)");
            return BROKEN;
        } catch (RuntimeException | Error e) {
            errWriter.println("hookcheck: Hookcheck failed unexpectedly (" + e.getClass().getSimpleName()
                    + "; this is a Hookcheck bug, please report it)");
            return BROKEN;
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: serve, check, send, sign or checks");
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("hookcheck: " + e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName()
                + " --help')");
        return USAGE;
    }

    private static int failure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        if (e instanceof UsageError usage) {
            usage.getMessage().lines().forEach(line -> command.getErr().println("hookcheck: " + line));
            return USAGE;
        }
        command.getErr().println("hookcheck: " + command.getCommandName() + " failed unexpectedly ("
                + e.getClass().getSimpleName() + "; this is a Hookcheck bug, please report it)");
        return BROKEN;
    }

    /** {@code hookcheck <version>}, the version Maven built. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hookcheck " + version()};
        }

        static String version() {
            Properties properties = new Properties();
            try (InputStream in = Hookcheck.class.getResourceAsStream("/hookcheck/cli/version.properties")) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("version");
        }
    }
}
