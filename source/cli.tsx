#!/usr/bin/env node
// Entry point: parse flags, then run a headless command or render the TUI. Nothing else lives here.
// The SDK prints a Node-version warning on load; silence it before anything imports the SDK (dynamic
// imports below, which also keep the SDK off the path to the first frame).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// React (loaded with the TUI, below) reads this when it loads: the operator gets its production build.
process.env['NODE_ENV'] ??= 'production';

import {statSync} from 'node:fs';
import path from 'node:path';
import packageJson from '../package.json' with {type: 'json'};
import {endWhenReaderCloses} from './cli/closed-output.js';
import {EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE} from './cli/exit-codes.js';
import {parseCommandLine} from './cli/parser.js';
import {regionRefusal, resolveConnection} from './model/connection.js';
import {describeError, isIamError} from './model/errors.js';
import {toStderr, toStdout, writeOutput, writeText} from './commands/output.js';
import {ConfigStore} from './store/config.js';
import {isInteractive, prepareInkEnvironment} from './terminal.js';

// `iamtui … | head`: the reader going away ends iamtui quietly (141), not with an uncaught EPIPE.
endWhenReaderCloses(process, {say: line => writeText(toStderr, line), exit: code => process.exit(code)});

const existingFile = (where: string): boolean => statSync(where, {throwIfNoEntry: false})?.isDirectory() === false;

// Usage errors exit 64 (EX_USAGE), in one line that names the help to read (cli/parser.ts).
const cli = parseCommandLine(process.argv.slice(2), packageJson);

const main = async (): Promise<number> => {
	if (cli.kind === 'print') {
		writeText(toStdout, cli.text);
		return EXIT_OK;
	}
	if (cli.kind === 'usage-error') {
		writeText(toStderr, `iamtui: ${cli.message}`);
		return EXIT_USAGE;
	}
	const {flags} = cli;
	if (cli.kind === 'command' && cli.spec.name === 'completion') {
		const {completionCommand} = await import('./cli/completion.js');
		const result = completionCommand(cli.args);
		writeText(result.exitCode ? toStderr : toStdout, result.text);
		return result.exitCode;
	}
	// --config-dir wins over IAMTUI_CONFIG_DIR; the journal and the records live beside the store.
	if (flags.configDir !== undefined && flags.configDir.trim() === '') {
		writeText(toStderr, 'iamtui: --config-dir is empty — give the folder of the config store, e.g. --config-dir ~/.config/iamtui');
		return EXIT_USAGE;
	}
	const configDir = flags.configDir ? path.resolve(flags.configDir) : process.env.IAMTUI_CONFIG_DIR || undefined;
	// A file where the folder should be: every write's journal would fail on it (EEXIST), said once here instead.
	if (configDir && existingFile(configDir)) {
		writeText(toStderr, `iamtui: ${flags.configDir ? '--config-dir' : 'IAMTUI_CONFIG_DIR'} ${configDir} is a file, not a folder — give the folder of the config store (it is created if missing)`);
		return EXIT_USAGE;
	}
	const store = new ConfigStore({cwd: configDir, notice: line => writeText(toStderr, `iamtui: ${line}`)});
	const settings = resolveConnection(
		{profile: flags.profile, region: flags.region, endpointUrl: flags.endpointUrl, readOnly: flags.readOnly},
		process.env,
		name => store.profile(name),
		store.lastProfile(),
	);
	if (cli.kind === 'command') {
		// Loaded only for a command: the TUI's first frame does not wait for every command's modules.
		const {runHeadless} = await import('./commands/run.js');
		const {headlessContext} = await import('./cli/headless-context.js');
		const {PromptInterrupted, terminalAsk, terminalConfirm} = await import('./commands/confirm.js');
		// A destructive command may ask only when there is a terminal to answer on.
		const prompts = isInteractive(process.stdin, process.stdout) ? {confirm: terminalConfirm, ask: terminalAsk} : {};
		let result;
		try {
			result = await runHeadless(cli.spec.name, cli.args, {...headlessContext(flags, settings, store), ...prompts});
		} catch (error) {
			if (!(error instanceof PromptInterrupted)) throw error;
			writeText(toStderr, `iamtui: ${error.message}`);
			return EXIT_INTERRUPTED;
		}
		// Every byte a command prints passes the sanitiser on its way out (commands/output.ts).
		writeOutput(toStdout, result.stdout, flags.json ?? false);
		writeText(toStderr, result.stderr ?? '');
		return result.exitCode ?? EXIT_OK;
	}
	if (!isInteractive(process.stdin, process.stdout)) {
		writeText(toStderr, 'iamtui needs a terminal; use the headless commands (`iamtui users --json` …, see iamtui --help)');
		return EXIT_USAGE;
	}
	// An empty or malformed --endpoint-url must not fall back to the public AWS endpoint; a region that is
	// not one is said here, not as the first load's failure (one in ~/.aws/config is, when connecting).
	const {checkEndpoint} = await import('./commands/endpoint-check.js');
	try {
		checkEndpoint(settings.endpoint);
		const refused = settings.region ? regionRefusal(settings.region) : undefined;
		if (refused) throw refused;
	} catch (error) {
		writeText(toStderr, `iamtui: ${describeError(error)}`);
		return EXIT_USAGE;
	}
	// We are in a real terminal (checked above): Ink and chalk read CI and the colour variables when they
	// load, so say "not CI" and the colour level before that (terminal.ts).
	prepareInkEnvironment(process.env);
	const {runTui} = await import('./tui.js');
	return runTui({settings, store, fromFiles: flags.fromFile});
};

main().then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		// One line, never a stack trace: IamError messages carry their own hint.
		writeText(toStderr, `iamtui: ${describeError(error)}`);
		if (!isIamError(error) && process.env.IAMTUI_DEBUG) writeText(toStderr, (error as Error)?.stack ?? '');
		process.exitCode = EXIT_FAILURE;
	},
);
