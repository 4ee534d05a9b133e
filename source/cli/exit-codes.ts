// The exit codes of every iamtui command, defined once: the commands return them, --help lists them.
export const EXIT_OK = 0;
/** can: denied; a write cancelled at its confirmation prompt. */
export const EXIT_DENIED = 1;
export const EXIT_CANCELLED = EXIT_DENIED;
/** can: allowed only when a condition holds. */
export const EXIT_CONDITIONAL = 2;
/** The account, the connection or a file refused: one line on stderr says what to do. */
export const EXIT_FAILURE = 3;
/** The command line is wrong (EX_USAGE of sysexits.h): nothing was sent. */
export const EXIT_USAGE = 64;
/** The TUI met an error it did not expect (EX_SOFTWARE): the terminal is restored, one line says what. */
export const EXIT_CRASH = 70;
/** The TUI was stopped by a signal: 128 + its number, as a shell reports it (SIGINT; SIGTERM and SIGHUP). Ctrl+C at a command's prompt too. */
export const EXIT_INTERRUPTED = 130;
export const EXIT_TERMINATED = 143;
/** The reader of the output went away (`iamtui … | head -1`): 128 + SIGPIPE, as a shell reports a tool it killed. */
export const EXIT_PIPE_CLOSED = 141;

/** What --help says about each code. */
export const EXIT_CODES: ReadonlyArray<{code: number; meaning: string}> = [
	{code: EXIT_OK, meaning: 'success (can: allowed)'},
	{code: EXIT_DENIED, meaning: 'can: denied; a write cancelled at its prompt'},
	{code: EXIT_CONDITIONAL, meaning: 'can: allowed only if a condition holds'},
	{code: EXIT_FAILURE, meaning: 'failure: the account, connection or a file refused (one line on stderr)'},
	{code: EXIT_USAGE, meaning: 'usage error: a wrong command, argument or flag; nothing was sent'},
	{code: EXIT_CRASH, meaning: 'the TUI met an unexpected error (terminal restored, one line on stderr)'},
	{code: EXIT_INTERRUPTED, meaning: 'interrupted: the TUI (SIGINT), or Ctrl+C at a confirmation prompt (nothing sent)'},
	{code: EXIT_PIPE_CLOSED, meaning: 'the reader of the output stopped early (`| head`): nothing more printed'},
	{code: EXIT_TERMINATED, meaning: 'the TUI was terminated (SIGTERM, SIGHUP)'},
];
