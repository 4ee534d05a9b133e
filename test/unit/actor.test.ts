// Issue 17, item 2: one builder for the journal's actor, used by the TUI's plans, its offboarding and the commands.
import {describe, expect, it} from 'vitest';
import {actorFor} from '../../source/model/plans/actor.js';

describe('actorFor', () => {
	it('names the profile, the account and the caller GetCallerIdentity answered', () => {
		expect(actorFor('dev', {account: '123456789012', arn: 'arn:aws:iam::123456789012:user/ana'})).toEqual({
			profile: 'dev',
			account: '123456789012',
			callerArn: 'arn:aws:iam::123456789012:user/ana',
		});
	});

	it('the default credential chain and an unknown caller are null, never undefined (the journal writes JSON)', () => {
		const actor = actorFor(undefined, undefined);
		expect(actor).toEqual({profile: null, account: null, callerArn: null});
		expect(JSON.parse(JSON.stringify(actor))).toEqual({profile: null, account: null, callerArn: null});
	});
});
