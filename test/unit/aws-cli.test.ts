// The `aws iam` lines a plan shows: pasted into bash they must name exactly the entity, even when its
// name carries quotes or escape sequences, and the line itself must stay printable.
import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {awsIam, shellQuote} from '../../source/model/plans/aws-cli.js';

const throughBash = (quoted: string): string => execFileSync('bash', ['-c', `printf %s ${quoted}`], {encoding: 'utf8'});

describe('shellQuote', () => {
	it.each(['ana.silva', "o'brien team", 'evil\u001B[31mred\u001B[0m', "bell\u0007'and\\slash", 'tab\there'])('bash reads %j back exactly', name => {
		const quoted = shellQuote(name);
		expect(quoted).not.toMatch(/[\u0000-\u001F\u007F]/);
		expect(throughBash(quoted)).toBe(name);
	});

	it('leaves IAM-plain names alone', () => {
		expect(awsIam('add-user-to-group', {'user-name': 'ana.silva', 'group-name': 'Ops'})).toBe('aws iam add-user-to-group --user-name ana.silva --group-name Ops');
	});
});
