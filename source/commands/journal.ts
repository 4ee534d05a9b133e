// `iamtui journal [--json]`: the audit journal, oldest first.
import type {JournalEntry} from '../model/plans/execute.js';
import type {CommandResult} from './result.js';
import {textTable} from './text-table.js';

export const journalCommand = (entries: JournalEntry[], json: boolean, file: string): CommandResult => {
	if (json) return {stdout: JSON.stringify(entries, null, 2)};
	if (entries.length === 0) return {stdout: `No writes journaled yet (${file}).`};
	return {
		stdout: textTable(
			['TIME', 'OUTCOME', 'OPERATION', 'TARGET', 'PROFILE', 'CALLER', 'ERROR'],
			entries.map(e => [
				e.time,
				e.outcome,
				e.operation,
				[e.target.user && `user ${e.target.user}`, e.target.group && `group ${e.target.group}`].filter(Boolean).join(', '),
				e.profile ?? '-',
				e.callerArn ?? '-',
				e.errorCode ?? '',
			]),
		),
	};
};
