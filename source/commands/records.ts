// Headless `iamtui records`: the offboarding records, unfinished first, so an interrupted offboarding
// is easy to find and resume (a person offboarded everywhere too: rerunning offboard-everywhere finishes it). `iamtui records close FILE` closes an unfinished one on purpose (to start
// over with other options): the file stays, with what the user had, for restore.
import path from 'node:path';
import {IamError} from '../model/errors.js';
import {leftToDo} from '../model/org/offboard-everywhere-record.js';
import type {RecordStore} from '../store/records.js';
import type {CommandResult} from './result.js';
import {textTable} from './text-table.js';

const USAGE = 'usage: iamtui records [close RECORD]';

const closeRecord = (records: RecordStore, file: string, now: Date): CommandResult => {
	const record = records.load(file);
	if (path.dirname(path.resolve(file)) !== path.resolve(records.folder))
		throw new IamError('Invalid', `${file} is not in the records folder ${records.folder}`, 'close a record listed by `iamtui records`');
	// Saving writes to the name the record's content gives; a renamed file would stay unfinished.
	if (path.resolve(records.pathOf(record)) !== path.resolve(file))
		throw new IamError('Invalid', `${file} is not under the name iamtui gave it (${path.basename(records.pathOf(record))})`, 'rename it back, then close it');
	if (record.finishedAt !== null)
		throw new IamError('Invalid', `${file} is not unfinished: it was ${record.closedAt ? 'closed' : 'finished'} on ${record.finishedAt}`, 'only an unfinished offboarding can be closed; see `iamtui records`');
	const at = now.toISOString();
	const saved = records.save({...record, finishedAt: at, closedAt: at});
	return {
		stdout: `Closed the unfinished offboarding of ${record.user.name} (${saved}): it will not be resumed, and still serves \`iamtui restore\`. A new \`iamtui offboard ${record.user.name}\` starts over from what the user has now.`,
	};
};

const state = (record: {finishedAt: string | null; closedAt?: string}) => (record.closedAt ? 'closed' : record.finishedAt ? 'finished' : 'UNFINISHED');

export const recordsCommand = (records: RecordStore, json: boolean, args: string[] = [], now = new Date()): CommandResult => {
	if (args[0] === 'close') {
		if (args.length !== 2) throw new IamError('Invalid', 'records close needs one record file', USAGE);
		return closeRecord(records, args[1]!, now);
	}
	if (args.length > 0) throw new IamError('Invalid', `records does not take ${JSON.stringify(args[0])}`, USAGE);
	const unfinishedFirst = (a: {record: {finishedAt: string | null}}, b: {record: {finishedAt: string | null}}) => Number(a.record.finishedAt !== null) - Number(b.record.finishedAt !== null);
	const all = records.list().sort(unfinishedFirst);
	// A person offboarded everywhere (offboard-everywhere): one record for the run; rerunning the command finishes it.
	const everywhere = records.listEverywhere().sort(unfinishedFirst);
	if (json)
		return {
			stdout: JSON.stringify(
				[
					...all.map(({path: file, record}) => ({
						kind: 'offboard',
						path: file,
						account: record.account,
						user: record.user.name,
						state: state(record).toLowerCase(),
						capturedAt: record.capturedAt,
						finishedAt: record.finishedAt,
						completedSteps: record.completed.length,
					})),
					...everywhere.map(({path: file, record}) => {
						const left = leftToDo(record);
						return {
							kind: 'everywhere',
							path: file,
							account: record.managementAccount,
							person: record.person.userName,
							state: state(record).toLowerCase(),
							capturedAt: record.capturedAt,
							finishedAt: record.finishedAt,
							completedSteps: record.identityCenter.length + record.accounts.length - left.identityCenter.length - left.accounts.length,
							stepsLeft: left.identityCenter.length + left.accounts.length,
						};
					}),
				],
				null,
				2,
			),
		};
	if (all.length === 0 && everywhere.length === 0) return {stdout: `No offboarding records in ${records.folder}.`};
	return {
		stdout: textTable(
			['STATE', 'ACCOUNT', 'USER', 'STARTED', 'FILE'],
			[
				...all.map(({path: file, record}) => [state(record), record.account, record.user.name, record.capturedAt, file]),
				...everywhere.map(({path: file, record}) => [state(record), `${record.managementAccount} (org)`, `everywhere: ${record.person.userName}`, record.capturedAt, file]),
			],
		),
	};
};
