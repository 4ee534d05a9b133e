// Headless `iamtui records`: the offboarding records, unfinished first, so an interrupted offboarding
// is easy to find and resume.
import type {RecordStore} from '../store/records.js';
import type {CommandResult} from './result.js';
import {textTable} from './text-table.js';

export const recordsCommand = (records: RecordStore, json: boolean): CommandResult => {
	const all = records.list().sort((a, b) => Number(a.record.finishedAt !== null) - Number(b.record.finishedAt !== null));
	if (json)
		return {
			stdout: JSON.stringify(
				all.map(({path, record}) => ({path, account: record.account, user: record.user.name, capturedAt: record.capturedAt, finishedAt: record.finishedAt, completedSteps: record.completed.length})),
				null,
				2,
			),
		};
	if (all.length === 0) return {stdout: `No offboarding records in ${records.folder}.`};
	return {
		stdout: textTable(
			['STATE', 'ACCOUNT', 'USER', 'STARTED', 'FILE'],
			all.map(({path, record}) => [record.finishedAt ? 'finished' : 'UNFINISHED', record.account, record.user.name, record.capturedAt, path]),
		),
	};
};
