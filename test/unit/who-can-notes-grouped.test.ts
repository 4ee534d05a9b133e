// A wildcard asked on a named resource: many of its actions do not act on that resource, and some take no
// resource at all. Who-can says each of those once, with how many and the first few, not a note per action
// (s3:* on an object was 120 notes). One action keeps its own words. Real who-can on an in-memory account.
import {expect, it} from 'vitest';
import {buildAccessModel, whoCan} from '../../source/model/access.js';
import {accountWithRoles, allow, policy} from '../fixtures/roles.js';

const model = () => buildAccessModel(accountWithRoles({users: {ana: {inline: {Everything: policy(allow(['s3:*', 'iam:*']))}}}}));

it('s3:* on an object: the actions that do not act on objects in one note, those taking no resource in another', async () => {
	const answer = await whoCan(model(), 's3:*', 'arn:aws:s3:::reports/q4.csv');
	if (!answer.ok) throw new Error(answer.message);
	const skipped = answer.notes.filter(note => note.startsWith('skipped'));
	expect(skipped).toHaveLength(1);
	expect(skipped[0]).toMatch(/^skipped (\d+) of (\d+) actions: arn:aws:s3:::reports\/q4\.csv is not a resource they act on \(s3:\w+, s3:\w+, s3:\w+, s3:\w+, s3:\w+, … \(\1 in all\)\)$/);
	const [, notActedOn, total] = /^skipped (\d+) of (\d+)/.exec(skipped[0]!)!;
	expect(Number(total)).toBe(answer.actions.length);
	const noResource = answer.notes.filter(note => note.includes('take no resource') || note.includes('takes no resource'));
	expect(noResource).toHaveLength(1);
	expect(noResource[0]).toMatch(/^(\d+) actions take no resource; evaluated on \* \(s3:\w+, .*\)$/);
	// ana can do every action that acts on the object (and those taking no resource, on *).
	expect(answer.users.map(u => u.name)).toEqual(['ana']);
	expect(answer.users[0]!.actions).toHaveLength(answer.actions.length - Number(notActedOn));
	expect(answer.users[0]!.actions).toContain('s3:GetObject');
	expect(answer.users[0]!.actions).not.toContain('s3:ListBucket');
});

it('one action keeps its own words', async () => {
	const answer = await whoCan(model(), 'iam:ListUsers', 'arn:aws:iam::123456789012:user/ana');
	if (!answer.ok) throw new Error(answer.message);
	expect(answer.notes).toContain('iam:ListUsers takes no resource; evaluated on *');
	expect(answer.users.map(u => u.name)).toEqual(['ana']);
});
