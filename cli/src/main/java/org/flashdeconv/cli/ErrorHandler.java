package org.flashdeconv.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps what a command throws to the exit code and what the user sees. Expected failures (an
 * {@link IOException}: bad or missing files, corrupt stores; an {@link IllegalArgumentException}: inputs that
 * do not fit together) print one line, {@code flashdeconv <command>: <message>}, on stderr and exit with 1.
 * Anything else is a bug: full stack trace, exit 1. Usage errors never get here: picocli reports them with the
 * usage help and exit code 2. {@link Main} installs this handler for every subcommand.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {
    /** Exit code for bad input or an IO failure (and for bugs). */
    public static final int FAILURE = 1;
    /** Exit code for bad usage (picocli's). */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        Throwable t = ex instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
        if (t instanceof IOException || t instanceof IllegalArgumentException) {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + describe(t));
        } else {
            t.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return FAILURE;
    }

    /** One line for an expected failure; the file-system exceptions, whose messages are bare paths, get words. */
    static String describe(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String prefix = switch (t) {
            case NoSuchFileException e -> "no such file or folder: ";
            case AccessDeniedException e -> "permission denied: ";
            case FileAlreadyExistsException e -> "already exists: ";
            case NotDirectoryException e -> "not a folder: ";
            default -> "";
        };
        return (prefix + m).replace('\n', ' ').replace('\r', ' ');
    }
}
