// The parsed flags as the HeadlessContext every command reads (commands/run.ts): the commands keep
// their contract, whatever parses the command line.
import type {HeadlessContext} from '../commands/headless-options.js';
import type {ConnectionSettings} from '../model/gateway.js';
import type {ConfigStore} from '../store/config.js';
import type {CliFlags} from './flags.js';

export const headlessContext = (flags: CliFlags, settings: ConnectionSettings, store: ConfigStore): HeadlessContext => ({
	settings,
	store,
	json: flags.json ?? false,
	resource: flags.resource,
	direct: flags.direct ?? false,
	request: {
		context: flags.context ?? [],
		mfa: flags.mfa ?? false,
		secureTransport: flags.secureTransport ?? false,
		...(flags.sourceIp === undefined ? {} : {sourceIp: flags.sourceIp}),
	},
	fromFiles: flags.fromFile ?? [],
	yes: flags.yes ?? false,
	dryRun: flags.dryRun ?? false,
	lockoutConfirmed: flags.iKnowThisLocksMeOut ?? false,
	keepUser: flags.keepUser ?? false,
	org: flags.org ?? false,
	...(flags.auditRole === undefined ? {} : {auditRole: flags.auditRole}),
	accounts: flags.account ?? [],
	skipMissing: flags.skipMissing ?? false,
	unfinished: flags.unfinished ?? false,
	takeBack: flags.takeBack ?? false,
	markResolved: flags.markResolved ?? false,
	secrets: {saveCsv: flags.saveCsv, showSecret: flags.showSecret ?? false, overwrite: flags.overwrite ?? false, ifSaveFails: flags.ifSaveFails},
	writeFlags: {
		groups: flags.group ?? [],
		user: flags.user,
		role: flags.role,
		name: flags.name,
		path: flags.path,
		tags: flags.tag ?? [],
		consolePassword: flags.consolePassword ?? false,
		accessKey: flags.accessKey ?? false,
		template: flags.template,
		params: flags.param ?? [],
		description: flags.description,
		file: flags.file,
	},
});
