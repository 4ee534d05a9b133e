/** What a headless command prints; the CLI writes it and exits with the code. */
export interface CommandResult {
	stdout: string;
	/** Written as is (end it with a newline), e.g. why a write was refused. */
	stderr?: string;
	exitCode?: number;
}
