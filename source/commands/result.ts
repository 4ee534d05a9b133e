/** What a headless command prints; the CLI writes it and exits with the code. */
export interface CommandResult {
	stdout: string;
	exitCode?: number;
}
