// The command line, parsed by commander from the tables in command-specs.ts and flags.ts. Parsing
// never prints and never exits: it returns what to do (the TUI, a command, a text to print, or a usage
// error in one line), and cli.tsx does it. Every command's arguments are optional to the parser, so a
// command says itself what is missing (its own message); extra arguments and flags it does not take are
// refused here, naming the help to read.
import {Command, CommanderError, Option} from 'commander';
import {commandHelp, mainHelp, type About} from '../usage.js';
import {slipsOf} from '../model/close-names.js';
import {COMMANDS, commandNamed, type CommandSpec} from './command-specs.js';
import {FLAGS, GLOBAL_FLAGS, flagUsage, type CliFlags, type FlagKey} from './flags.js';

export type ParsedCommandLine =
	| {kind: 'tui'; flags: CliFlags}
	| {kind: 'command'; spec: CommandSpec; args: string[]; flags: CliFlags}
	/** --help, --version, help COMMAND: print on stdout, exit 0. */
	| {kind: 'print'; text: string}
	/** One line for stderr (without "iamtui: "); exit 64. */
	| {kind: 'usage-error'; message: string};

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

const optionOf = (key: FlagKey): Option => {
	const spec = FLAGS[key];
	const option = new Option(flagUsage(spec).replace(/ (.+)$/, ' <$1>'), spec.description);
	return 'repeatable' in spec ? option.argParser(collect) : option;
};

/** Which commands take a flag, for "--keep-user is a flag of offboard". */
const commandsTaking = (name: string): string[] => COMMANDS.filter(spec => spec.flags.some(key => FLAGS[key].name === name)).map(spec => spec.name);

/** Commander's error, as one line that says what to do next. */
const usageMessage = (error: CommanderError, command: string | undefined): string => {
	const helpFor = command ? `iamtui ${command} --help` : 'iamtui --help';
	const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
	const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
	switch (error.code) {
		case 'commander.unknownOption': {
			const name = quoted.replace(/^--?/, '').replace(/=.*$/, '');
			const owners = commandsTaking(name);
			const where = command ? ` for ${command}` : '';
			if (owners.length > 0 && command) return `--${name} is not a flag of ${command} (it is a flag of ${owners.join(', ')}) — see ${helpFor}`;
			return `unknown flag ${quoted}${where}${suggestion ? ` (did you mean ${suggestion}?)` : ''} — see ${helpFor}`;
		}
		case 'commander.excessArguments': {
			const spec = command ? commandNamed(command) : undefined;
			const takes = spec ? (spec.args.length === 0 ? 'takes no arguments' : `takes ${spec.args.map(a => a.name).join(' ')}`) : 'takes no arguments';
			return `too many arguments: ${command ?? 'iamtui'} ${takes} — see ${helpFor}`;
		}
		case 'commander.optionMissingArgument':
			return `${quoted.replace(/ <.*$/, '')} needs a value — see ${helpFor}`;
		default:
			return `${error.message.replace(/^error: /, '').split('\n')[0]} — see ${helpFor}`;
	}
};

/** A mistyped command names the commands it is a slip from; a name that resembles none lists every command. */
const unknownCommand = (name: string): string => {
	const names = COMMANDS.map(c => c.name);
	const close = slipsOf(name, names);
	return close.length > 0 ? `unknown command "${name}" — did you mean ${close.join(', ')}?` : `unknown command "${name}" — commands: ${names.join(', ')}`;
};

export const parseCommandLine = (argv: readonly string[], about: About): ParsedCommandLine => {
	let parsed: ParsedCommandLine | undefined;
	let current: string | undefined;
	let printed = '';
	const program = new Command('iamtui')
		.exitOverride()
		.configureOutput({writeOut: text => (printed += text), writeErr: () => undefined, outputError: () => undefined})
		.configureHelp({formatHelp: command => (command.name() === 'iamtui' ? mainHelp(about) : commandHelp(commandNamed(command.name())!))})
		.showSuggestionAfterError(true)
		.allowExcessArguments(false)
		.helpCommand(false)
		.version(about.version, '-v, --version', 'the version of iamtui')
		.helpOption('-h, --help', 'this help');
	for (const key of GLOBAL_FLAGS) program.addOption(optionOf(key));
	program.argument('[command...]').action((words: string[]) => {
		const flags = program.opts<CliFlags>();
		parsed =
			words.length === 0
				? {kind: 'tui', flags}
				: {kind: 'usage-error', message: `${unknownCommand(words[0]!)} (iamtui --help)`};
	});
	program
		.command('help')
		.argument('[command]')
		.allowExcessArguments(false)
		.action((name: string | undefined) => {
			const spec = name === undefined ? undefined : commandNamed(name);
			if (name !== undefined && !spec) parsed = {kind: 'usage-error', message: unknownCommand(name)};
			else parsed = {kind: 'print', text: spec ? commandHelp(spec) : mainHelp(about)};
		});
	for (const spec of COMMANDS) {
		const command = program.command(spec.name).allowExcessArguments(false).helpOption('-h, --help', 'this help');
		for (const argument of spec.args) command.argument(`[${argument.name}]`, argument.description);
		for (const key of spec.flags) command.addOption(optionOf(key));
		command.action((...values: unknown[]) => {
			const args = (values.slice(0, spec.args.length) as Array<string | undefined>).filter((value): value is string => value !== undefined);
			parsed = {kind: 'command', spec, args, flags: command.optsWithGlobals<CliFlags>()};
		});
	}
	// The command being parsed, for the message of an error inside it.
	program.hook('preSubcommand', (_program, sub) => {
		current = sub.name();
	});
	try {
		program.parse([...argv], {from: 'user'});
	} catch (error) {
		if (!(error instanceof CommanderError)) throw error;
		if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return {kind: 'print', text: printed};
		// A global flag's error is found before the command is entered: name the command from the words.
		const command = current ?? argv.find(word => commandNamed(word) !== undefined);
		return {kind: 'usage-error', message: usageMessage(error, command === 'help' ? undefined : command)};
	}
	return parsed ?? {kind: 'print', text: mainHelp(about)};
};
