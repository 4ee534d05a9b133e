#!/usr/bin/env node
// Entry point: parse flags, then run a headless command or render the TUI. Nothing else lives here.
// The SDK prints a Node-version warning on load; silence it before anything imports the SDK (dynamic
// imports below, which also keep the SDK off the path to the first frame).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import meow from 'meow';
import {resolveConnection} from './model/connection.js';
import {describeError, isIamError} from './model/errors.js';
import {ConfigStore} from './store/config.js';
import {isInteractive} from './terminal.js';
import {runHeadless, headlessCommands} from './commands/run.js';
import {usage} from './usage.js';

const EXIT_FAILURE = 3;

const cli = meow(usage, {
	importMeta: import.meta,
	flags: {
		profile: {type: 'string'},
		region: {type: 'string'},
		endpointUrl: {type: 'string'},
		readOnly: {type: 'boolean'},
		json: {type: 'boolean', default: false},
		resource: {type: 'string'},
		fromFile: {type: 'string', isMultiple: true},
		yes: {type: 'boolean', default: false},
		dryRun: {type: 'boolean', default: false},
	},
	allowUnknownFlags: false,
});

const main = async (): Promise<number> => {
	const store = new ConfigStore({cwd: process.env.IAMTUI_CONFIG_DIR || undefined});
	const settings = resolveConnection(
		{profile: cli.flags.profile, region: cli.flags.region, endpointUrl: cli.flags.endpointUrl, readOnly: cli.flags.readOnly},
		process.env,
		name => store.profile(name),
		store.lastProfile(),
	);
	const [command, ...args] = cli.input;
	if (command !== undefined) {
		if (!headlessCommands.includes(command)) {
			process.stderr.write(`iamtui: unknown command "${command}" — commands: ${headlessCommands.join(', ')} (iamtui --help)\n`);
			return 64;
		}
		const {terminalConfirm} = await import('./commands/confirm.js');
		const result = await runHeadless(command, args, {
			settings,
			store,
			json: cli.flags.json,
			resource: cli.flags.resource,
			fromFiles: cli.flags.fromFile,
			yes: cli.flags.yes,
			dryRun: cli.flags.dryRun,
			// A destructive command may ask y/N only when there is a terminal to answer on.
			...(isInteractive(process.stdin, process.stdout) ? {confirm: terminalConfirm} : {}),
		});
		if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
		if (result.stderr) process.stderr.write(result.stderr);
		return result.exitCode ?? 0;
	}
	if (!isInteractive(process.stdin, process.stdout)) {
		process.stderr.write('iamtui needs a terminal; use the headless commands (`iamtui users --json` …, see iamtui --help)\n');
		return 64;
	}
	// We are in a real terminal (checked above). Ink treats an inherited CI variable as "output is a log"
	// and draws nothing until exit; is-in-ci reads CI when Ink loads, so say "not CI" before that.
	process.env.CI = '0';
	const {runTui} = await import('./tui.js');
	return runTui({settings, store, fromFiles: cli.flags.fromFile});
};

main().then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		// One line, never a stack trace: IamError messages carry their own hint.
		process.stderr.write(`iamtui: ${describeError(error)}\n`);
		if (!isIamError(error) && process.env.IAMTUI_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
		process.exitCode = EXIT_FAILURE;
	},
);
