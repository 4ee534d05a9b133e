import {describe, expect, it} from 'vitest';
import {prepareInkEnvironment, terminalColourLevel} from '../../source/terminal.js';

const prepared = (env: Record<string, string | undefined>) => {
	const copy = {...env};
	prepareInkEnvironment(copy);
	return copy;
};

describe('the environment Ink and chalk load with', () => {
	it('says "not CI" and keeps the colours of the terminal, even with CI inherited', () => {
		expect(prepared({TERM: 'xterm-256color', CI: 'true'})).toMatchObject({CI: '0', FORCE_COLOR: '2'});
		expect(prepared({TERM: 'screen'})).toMatchObject({CI: '0', FORCE_COLOR: '1'});
		expect(prepared({TERM: 'xterm', COLORTERM: 'truecolor'}).FORCE_COLOR).toBe('3');
	});

	it('NO_COLOR turns every style off; an explicit FORCE_COLOR is left to chalk', () => {
		expect(prepared({TERM: 'xterm-256color', NO_COLOR: '1'}).FORCE_COLOR).toBe('0');
		expect(prepared({TERM: 'xterm-256color', NO_COLOR: ''}).FORCE_COLOR).toBe('2');
		expect(prepared({TERM: 'xterm-256color', NO_COLOR: '1', FORCE_COLOR: '3'}).FORCE_COLOR).toBe('3');
		expect(prepared({TERM: 'xterm-256color', FORCE_COLOR: '0'}).FORCE_COLOR).toBe('0');
	});

	it('a dumb terminal gets no colour', () => {
		expect(terminalColourLevel({TERM: 'dumb', COLORTERM: 'truecolor'})).toBe(0);
	});
});
