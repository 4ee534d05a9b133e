import {describe, expect, it} from 'vitest';
import {sanitize, sanitizeMultiline} from '../../source/model/sanitize.js';

describe('sanitize', () => {
	it('strips CSI sequences (colours, cursor moves, clear screen)', () => {
		expect(sanitize('\u001B[31mred\u001B[0m')).toBe('red');
		expect(sanitize('a\u001B[2J\u001B[1;1Hb')).toBe('ab');
		expect(sanitize('x\u001B[?1049hy')).toBe('xy');
		expect(sanitize('x\u009B31my')).toBe('xy');
	});

	it('strips OSC, DCS, APC strings ended by BEL or ST, even unterminated', () => {
		expect(sanitize('a\u001B]0;pwned\u0007b')).toBe('ab');
		expect(sanitize('a\u001B]8;;http://evil\u001B\\link\u001B]8;;\u001B\\b')).toBe('alinkb');
		expect(sanitize('a\u001BPq#0;2;0;0;0\u001B\\b')).toBe('ab');
		expect(sanitize('a\u001B_hidden\u001B\\b')).toBe('ab');
		expect(sanitize('a\u001B]0;never ends')).toBe('a');
		expect(sanitize('a\u009D0;title\u009Cb')).toBe('ab');
	});

	it('strips other escapes and every C0/C1 control character', () => {
		expect(sanitize('a\u001Bcb')).toBe('ab');
		expect(sanitize('a\u001B(Bb')).toBe('ab');
		expect(sanitize('a\u0000b\u0007c\u0008d\u007Fe\u0085f')).toBe('abcdef');
		expect(sanitize('a\u202Eb\u2066c')).toBe('abc');
	});

	it('turns tabs and newlines into spaces on one line; keeps them in multi-line text', () => {
		expect(sanitize('a\tb\nc\r\nd')).toBe('a b c  d');
		expect(sanitizeMultiline('{\n\t"a": 1\r\n}\u001B[2J')).toBe('{\n  "a": 1\n}');
	});

	it('keeps normal unicode', () => {
		expect(sanitize('José Müller 山田 🚀 user+tag=x,y.z@ex-ample')).toBe('José Müller 山田 🚀 user+tag=x,y.z@ex-ample');
	});
});
