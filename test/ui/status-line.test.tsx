import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {StatusLine} from '../../source/ui/components/StatusLine.js';

const identity = {account: '123456789012', arn: 'arn:aws:iam::123456789012:user/ci', userId: 'AIDAEXAMPLE'};

const headerOf = (props: {profile?: string; environmentCredentials?: string; offline?: boolean}): string => {
	const ui = render(
		<StatusLine
			profile={props.profile}
			environmentCredentials={props.environmentCredentials}
			offline={props.offline}
			identity={props.offline ? {account: '123456789012', arn: 'offline: demo/demo-account.json', userId: 'offline'} : identity}
			identityError={undefined}
			readOnly={false}
			loadedAt={undefined}
			reloading={false}
			message={undefined}
			width={120}
		/>,
	);
	const frame = ui.lastFrame() ?? '';
	ui.unmount();
	return frame;
};

describe('StatusLine: where the credentials come from', () => {
	it('names the profile when one is in use', () => {
		expect(headerOf({profile: 'prod'})).toContain('profile prod · 123456789012');
	});

	it('names the environment variable when exported credentials are in use (aws-vault, CI), not a profile', () => {
		const header = headerOf({environmentCredentials: 'AWS_ACCESS_KEY_ID'});
		expect(header).toContain('credentials from AWS_ACCESS_KEY_ID · 123456789012');
		expect(header).not.toContain('profile');
	});

	it('names no credentials when reading an export (--from-file): none are used', () => {
		const header = headerOf({offline: true, environmentCredentials: 'AWS_ACCESS_KEY_ID', profile: 'prod'});
		expect(header).toContain('123456789012 · offline: demo/demo-account.json');
		expect(header).not.toContain('credentials from');
		expect(header).not.toContain('profile');
	});

	it('says the default chain when neither is known', () => {
		expect(headerOf({})).toContain('profile (default chain) · 123456789012');
	});
});
