// The Hygiene screen says when a credential-report timestamp cannot be true (generated before the users it
// lists, a key used before it was made, a sign-in in the future) instead of "11y ago"; plausible dates
// keep their age.
import {afterEach, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import type {CredentialReportRow} from '../../source/model/snapshot.js';
import {HygieneScreen} from '../../source/ui/screens/HygieneScreen.js';
import {fixtureSnapshot} from '../fixtures/account.js';
import {renderTui, type Rendered} from '../helpers/render.js';

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());
const NOW = new Date('2026-12-04T12:00:00Z');

const row = (user: string, extra: Partial<CredentialReportRow>): CredentialReportRow => ({
	user, arn: `arn:aws:iam::123456789012:user/${user}`, userCreationTime: '2025-06-01T00:00:00Z', passwordEnabled: false,
	passwordLastUsed: null, passwordLastChanged: null, mfaActive: false, accessKeys: [], ...extra,
});

it('an implausible report time and last-used dates are said as such at 200×60', async () => {
	const rows = [
		row('ana', {accessKeys: [{active: true, lastRotated: '2025-07-01T00:00:00Z', lastUsedDate: '2014-03-02T10:00:00Z', lastUsedService: 's3'}]}),
		row('bob', {passwordEnabled: true, mfaActive: true, passwordLastUsed: '2031-01-01T00:00:00Z'}),
		row('cleo', {accessKeys: [{active: true, lastRotated: '2025-07-01T00:00:00Z', lastUsedDate: '2026-12-01T12:00:00Z', lastUsedService: 's3'}]}),
	];
	const index = buildIndex(fixtureSnapshot({credentialReport: {status: 'ok', generatedAt: '2014-03-02T10:00:00Z', rows}}));
	ui = renderTui(<HygieneScreen index={index} now={NOW} onOpenUser={() => {}} focused width={200} height={58} />, {columns: 200, rows: 60});
	const frame = await ui.waitFor('Credential hygiene (3)');
	expect(frame).toContain('Credential report generated (timestamp looks wrong: 2014-03-02 10:00 UTC)');
	expect(frame).not.toMatch(/\d+y ago/);
	const line = (user: string) => frame.split('\n').find(l => l.includes(` ${user} `)) ?? '';
	expect(line('ana')).toContain('timestamp looks wrong: 2014-03-02 10:00');
	expect(line('bob')).toContain('timestamp looks wrong: 2031-01-01 00:00');
	expect(line('cleo')).toContain('3d ago');
	expect(line('cleo')).not.toContain('looks wrong');
});
