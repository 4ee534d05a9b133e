// A reader that stops early (`iamtui who-can 's3:*' | head -1`) closes the pipe under iamtui's output.
// Node then raises EPIPE on the next write, and with no listener that is an uncaught error: a stack trace
// on stderr and status 1. iamtui ends as a Unix tool killed by SIGPIPE does instead: nothing more printed,
// status 141 (a shell's pipefail sees it). A command's output is written after its work is done, so
// nothing is cut short but the printing. Any other failure to write is one line and EXIT_FAILURE.
import {EXIT_FAILURE, EXIT_PIPE_CLOSED} from './exit-codes.js';

interface Output {
	on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

export interface ClosedOutputActions {
	/** Says a line on stderr (through the writer, which sanitises it). */
	say: (line: string) => void;
	exit: (code: number) => never;
}

/** Watches stdout and stderr: a closed reader ends the process quietly. */
export const endWhenReaderCloses = (streams: {stdout: Output; stderr: Output}, {say, exit}: ClosedOutputActions): void => {
	const watch = (stream: Output, name: string) =>
		stream.on('error', error => {
			if (error.code === 'EPIPE') exit(EXIT_PIPE_CLOSED);
			// stderr itself failing has nowhere left to say so.
			if (stream !== streams.stderr) say(`iamtui: could not write to ${name}: ${error.message}`);
			exit(EXIT_FAILURE);
		});
	watch(streams.stdout, 'stdout');
	watch(streams.stderr, 'stderr');
};
