package pagestate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pagestate} command. */
@Command(name = "pagestate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Bounded model checker for the page-state transitions of confidential VMs.",
                "Explores every interleaving of a private<->shared conversion (Intel TDX, AMD SEV-SNP, Hyper-V"
                        + " vTOM, and the IOMMU, busdma, swiotlb and CoVE seed systems) against concurrent readers,"
                        + " the host and the hardware, and checks what each spec file expects."})
public final class Main implements Runnable {

    /** The sub-commands, in the order {@code --help} lists them. */
    private static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(CheckCommand.class,
            ExplainCommand.class, AblateCommand.class, RepairCommand.class, ListCommand.class, ExportCommand.class,
            CommandLine.HelpCommand.class);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    /**
     * When this process started, on the {@link System#nanoTime} clock, or 0 when the command runs inside
     * another program (tests): {@code --max-seconds} counts from it, so the JVM's start counts too.
     */
    private static volatile long processStartNanos;

    public static void main(String[] args) {
        processStartNanos = ProcessClock.startNanos();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** {@link #processStartNanos} if known, else {@code otherwise}. */
    static long processStart(long otherwise) {
        long start = processStartNanos;
        return start != 0 ? start : otherwise;
    }

    /** Runs the command line with every line of its output and errors held to 100 columns. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return runUnwrapped(args, new PrintWriter(new WrappingWriter(out), true),
                new PrintWriter(new WrappingWriter(err), true));
    }

    /** Runs the command line and returns its exit code. */
    private static int runUnwrapped(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            String command = ex.getCommandLine().getCommandName().replace("pagestate", "").trim();
            ex.getCommandLine().getErr().println("pagestate: " + message(ex) + suggestion(ex)
                    + " (see 'pagestate " + (command.isEmpty() ? "" : command + " ") + "--help')");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println(internalError(ex));
            return ExitCodes.USAGE;
        });
        return cl.execute(args);
    }

    /**
     * The command with its sub-commands: when the first argument names one (other than help), only that one,
     * since picocli's reflection over every sub-command's options costs more than most runs of a small spec
     * (a check of a spec that has an error); otherwise all of them (for --help, help and suggestions).
     */
    private static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        boolean named = !first.equals("help") && SUBCOMMANDS.stream().anyMatch(c -> name(c).equals(first));
        for (Class<?> c : SUBCOMMANDS) {
            if (!named || name(c).equals(first)) cl.addSubcommand(c);
        }
        return cl;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /**
     * "; did you mean check?" for a mistyped sub-command or option, from picocli's own suggestions
     * (the closest names of the command's sub-commands and options), or nothing.
     */
    static String suggestion(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)) return "";
        java.util.List<String> names = unmatched.getSuggestions();
        if (names.isEmpty()) return "";
        return "; did you mean " + names.get(0) + "?";
    }

    /** picocli's message, but "unknown sub-command 'chek'" for a word where a sub-command belongs. */
    private static String message(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
                && ex.getCommandLine().getParent() == null && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "unknown sub-command '" + unmatched.getUnmatched().get(0) + "'";
        }
        // picocli names Java's types ("is not a long"): a user reads numbers
        return String.valueOf(ex.getMessage()).replace("is not a long", "is not a whole number (at most 2^63-1)")
                .replace("is not an int", "is not a whole number (at most 2^31-1)")
                .replace("is not a double", "is not a number");
    }

    /**
     * The one line printed for an exception no command foresaw: what it says and where it was thrown, for a
     * bug report; never the exception's class name.
     */
    static String internalError(Throwable ex) {
        if (ex instanceof OutOfMemoryError) {
            return "pagestate: out of memory; give Java more (PAGESTATE_JAVA_OPTS=-Xmx...) or set --max-states";
        }
        String what = ex instanceof StackOverflowError ? "too deeply nested" : ex.getMessage();
        if (what == null || what.isBlank()) what = "no detail";
        StackTraceElement[] at = ex.getStackTrace();
        String where = at.length == 0 ? "" : " (at " + at[0].getFileName() + ":" + at[0].getLineNumber() + ")";
        return "pagestate: internal error (please report it with the spec): " + what.lines().findFirst().orElse(what) + where;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(command.commandLine(), "a sub-command is required: check, explain, ablate, repair or list");
    }
}
