/**
 * The {@code flashdeconv} command line (picocli): {@link org.flashdeconv.cli.Main} and one class per subcommand.
 * Commands parse, open files in try-with-resources, call the io and engine modules, and leave error reporting
 * and exit codes to {@link org.flashdeconv.cli.ErrorHandler}.
 */
package org.flashdeconv.cli;
