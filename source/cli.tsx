#!/usr/bin/env node
// Entry point: parse flags, then run a headless command or render the TUI. Nothing else lives here.
// The SDK prints a Node-version warning on load; silence it before anything imports the SDK (dynamic
// imports below, which also keep the SDK off the path to the first frame).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// React (loaded with the TUI, below) reads this when it loads: the operator gets its production build.
process.env['NODE_ENV'] ??= 'production';

import meow from 'meow';
import {resolveConnection} from './model/connection.js';
import {describeError, isIamError} from './model/errors.js';
import {toStderr, toStdout, writeOutput, writeText} from './commands/output.js';
import {ConfigStore} from './store/config.js';
import {isInteractive, prepareInkEnvironment} from './terminal.js';
import {usage} from './usage.js';

const EXIT_FAILURE = 3;

const flags = {
		profile: {type: 'string'},
		region: {type: 'string'},
		endpointUrl: {type: 'string'},
		readOnly: {type: 'boolean'},
		json: {type: 'boolean', default: false},
		resource: {type: 'string'},
		fromFile: {type: 'string', isMultiple: true},
		yes: {type: 'boolean', default: false},
		dryRun: {type: 'boolean', default: false},
		iKnowThisLocksMeOut: {type: 'boolean', default: false},
		keepUser: {type: 'boolean', default: false},
		skipMissing: {type: 'boolean', default: false},
		unfinished: {type: 'boolean', default: false},
		takeBack: {type: 'boolean', default: false},
		markResolved: {type: 'boolean', default: false},
		saveCsv: {type: 'string'},
		showSecret: {type: 'boolean', default: false},
		overwrite: {type: 'boolean', default: false},
		ifSaveFails: {type: 'string'},
		group: {type: 'string', isMultiple: true},
		user: {type: 'string'},
		role: {type: 'string'},
		name: {type: 'string'},
		path: {type: 'string'},
		tag: {type: 'string', isMultiple: true},
		consolePassword: {type: 'boolean', default: false},
		accessKey: {type: 'boolean', default: false},
		template: {type: 'string'},
		param: {type: 'string', isMultiple: true},
		description: {type: 'string'},
		file: {type: 'string'},
		direct: {type: 'boolean', default: false},
		context: {type: 'string', isMultiple: true},
		mfa: {type: 'boolean', default: false},
		sourceIp: {type: 'string'},
		secureTransport: {type: 'boolean', default: false},
} as const;

// Unknown flags are refused by us, not meow: meow exits 2, and a usage error here is 64 (EX_USAGE).
const cli = meow(usage, {importMeta: import.meta, flags, allowUnknownFlags: true});
const unknownFlag = Object.keys(cli.flags).find(name => !(name in flags));

const main = async (): Promise<number> => {
	if (unknownFlag !== undefined) {
		writeText(toStderr, `iamtui: unknown flag --${unknownFlag.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)} — see iamtui --help`);
		return 64;
	}
	const store = new ConfigStore({cwd: process.env.IAMTUI_CONFIG_DIR || undefined, notice: line => writeText(toStderr, `iamtui: ${line}`)});
	const settings = resolveConnection(
		{profile: cli.flags.profile, region: cli.flags.region, endpointUrl: cli.flags.endpointUrl, readOnly: cli.flags.readOnly},
		process.env,
		name => store.profile(name),
		store.lastProfile(),
	);
	const [command, ...args] = cli.input;
	if (command !== undefined) {
		// Loaded only for a command: the TUI's first frame does not wait for every command's modules.
		const {runHeadless, headlessCommands} = await import('./commands/run.js');
		if (!headlessCommands.includes(command)) {
			writeText(toStderr, `iamtui: unknown command "${command}" — commands: ${headlessCommands.join(', ')} (iamtui --help)`);
			return 64;
		}
		const {terminalAsk, terminalConfirm} = await import('./commands/confirm.js');
		const result = await runHeadless(command, args, {
			settings,
			store,
			json: cli.flags.json,
			resource: cli.flags.resource,
			direct: cli.flags.direct,
			request: {
				context: cli.flags.context ?? [],
				mfa: cli.flags.mfa,
				secureTransport: cli.flags.secureTransport,
				...(cli.flags.sourceIp === undefined ? {} : {sourceIp: cli.flags.sourceIp}),
			},
			fromFiles: cli.flags.fromFile,
			yes: cli.flags.yes,
			dryRun: cli.flags.dryRun,
			lockoutConfirmed: cli.flags.iKnowThisLocksMeOut,
			keepUser: cli.flags.keepUser,
			skipMissing: cli.flags.skipMissing,
			unfinished: cli.flags.unfinished,
			takeBack: cli.flags.takeBack,
			markResolved: cli.flags.markResolved,
			secrets: {saveCsv: cli.flags.saveCsv, showSecret: cli.flags.showSecret, overwrite: cli.flags.overwrite, ifSaveFails: cli.flags.ifSaveFails},
			writeFlags: {
				groups: cli.flags.group ?? [],
				user: cli.flags.user,
				role: cli.flags.role,
				name: cli.flags.name,
				path: cli.flags.path,
				tags: cli.flags.tag ?? [],
				consolePassword: cli.flags.consolePassword,
				accessKey: cli.flags.accessKey,
				template: cli.flags.template,
				params: cli.flags.param ?? [],
				description: cli.flags.description,
				file: cli.flags.file,
			},
			// A destructive command may ask only when there is a terminal to answer on.
			...(isInteractive(process.stdin, process.stdout) ? {confirm: terminalConfirm, ask: terminalAsk} : {}),
		});
		// Every byte a command prints passes the sanitiser on its way out (commands/output.ts).
		writeOutput(toStdout, result.stdout, cli.flags.json);
		writeText(toStderr, result.stderr ?? '');
		return result.exitCode ?? 0;
	}
	if (!isInteractive(process.stdin, process.stdout)) {
		writeText(toStderr, 'iamtui needs a terminal; use the headless commands (`iamtui users --json` …, see iamtui --help)');
		return 64;
	}
	// An empty or malformed --endpoint-url must not fall back to the public AWS endpoint.
	const {checkEndpoint} = await import('./commands/endpoint-check.js');
	try {
		checkEndpoint(settings.endpoint);
	} catch (error) {
		writeText(toStderr, `iamtui: ${describeError(error)}`);
		return 64;
	}
	// We are in a real terminal (checked above): Ink and chalk read CI and the colour variables when they
	// load, so say "not CI" and the colour level before that (terminal.ts).
	prepareInkEnvironment(process.env);
	const {runTui} = await import('./tui.js');
	return runTui({settings, store, fromFiles: cli.flags.fromFile});
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
