// endWhenReaderCloses (cli/closed-output.ts) on streams it is handed: which failure ends how. The built
// binary meeting a real closed pipe is test/integration/closed-pipe.test.ts.
import {EventEmitter} from 'node:events';
import {expect, it} from 'vitest';
import {endWhenReaderCloses} from '../../source/cli/closed-output.js';
import {EXIT_FAILURE, EXIT_PIPE_CLOSED} from '../../source/cli/exit-codes.js';

class Ended extends Error {
	constructor(readonly code: number) {
		super(`exit ${code}`);
	}
}

const streams = () => {
	const stdout = new EventEmitter();
	const stderr = new EventEmitter();
	const written: string[] = [];
	endWhenReaderCloses(
		{stdout, stderr},
		{
			say: line => written.push(line),
			exit: code => {
				throw new Ended(code);
			},
		},
	);
	return {stdout, stderr, written};
};

const failure = (code: string, message: string) => Object.assign(new Error(message), {code});

const endedWith = (emit: () => void): number => {
	try {
		emit();
	} catch (error) {
		if (error instanceof Ended) return error.code;
		throw error;
	}
	throw new Error('did not end');
};

it('EPIPE on stdout or stderr ends with 141 and prints nothing', () => {
	for (const which of ['stdout', 'stderr'] as const) {
		const s = streams();
		expect(endedWith(() => s[which].emit('error', failure('EPIPE', 'write EPIPE')))).toBe(EXIT_PIPE_CLOSED);
		expect(s.written).toEqual([]);
	}
});

it('another failure to write stdout says so in one line on stderr and ends with the failure status', () => {
	const s = streams();
	expect(endedWith(() => s.stdout.emit('error', failure('ENOSPC', 'no space left on device')))).toBe(EXIT_FAILURE);
	expect(s.written).toEqual(['iamtui: could not write to stdout: no space left on device']);
});

it('stderr failing otherwise ends with the failure status without writing to it again', () => {
	const s = streams();
	expect(endedWith(() => s.stderr.emit('error', failure('EIO', 'i/o error')))).toBe(EXIT_FAILURE);
	expect(s.written).toEqual([]);
});
