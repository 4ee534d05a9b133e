// The one bounded reader every file read goes through: only regular files, never blocking, never
// more than the cap of the file's kind — and the readers built on it (certificates, templates,
// records, rotations, exports) refuse a FIFO or /dev/zero at once with a clear sentence.
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openFileGateway} from '../../source/aws/file-gateway.js';
import {readCertificatePem} from '../../source/store/certificates.js';
import {READ_LIMITS, readBoundedFile, readBoundedFileIfPresent} from '../../source/store/read-file.js';
import {RecordStore} from '../../source/store/records.js';
import {RotationStore} from '../../source/store/rotations.js';
import {loadTemplate} from '../../source/store/template-files.js';

let dir: string;
let fifo: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-read-'));
	fifo = path.join(dir, 'pipe');
	// Nobody ever writes to it: a reader that opens it without O_NONBLOCK waits forever.
	execFileSync('mkfifo', [fifo]);
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

describe('readBoundedFile', () => {
	it('reads a regular file, and through a link to one when links are allowed', () => {
		const file = path.join(dir, 'a.json');
		writeFileSync(file, '{"a":1}');
		symlinkSync(file, path.join(dir, 'link.json'));
		expect(readBoundedFile(file, 'policy')).toBe('{"a":1}');
		expect(readBoundedFile(path.join(dir, 'link.json'), 'policy')).toBe('{"a":1}');
	});

	it('refuses a link at the path of one of its own files (noFollow), even to a regular file', () => {
		writeFileSync(path.join(dir, 'victim'), 'x');
		symlinkSync(path.join(dir, 'victim'), path.join(dir, 'config.json'));
		expect(() => readBoundedFile(path.join(dir, 'config.json'), 'config', {noFollow: true})).toThrow(/is a symbolic link, which iamtui does not follow/);
	});

	it('refuses a FIFO at once instead of waiting for a writer', () => {
		const started = Date.now();
		expect(() => readBoundedFile(fifo, 'certificate')).toThrow(/is not a regular file \(a pipe, device or socket\)/);
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('refuses /dev/zero (a device) and a link to it without reading it', () => {
		expect(() => readBoundedFile('/dev/zero', 'export')).toThrow(/\/dev\/zero is not a regular file/);
		symlinkSync('/dev/zero', path.join(dir, 'zero.pem'));
		expect(() => readBoundedFile(path.join(dir, 'zero.pem'), 'certificate')).toThrow(/is not a regular file/);
	});

	it('refuses a folder, says when a file is missing', () => {
		mkdirSync(path.join(dir, 'sub'));
		expect(() => readBoundedFile(path.join(dir, 'sub'), 'record')).toThrow(/is a folder, not a file/);
		expect(() => readBoundedFile(path.join(dir, 'none'), 'record')).toThrow(/no file at/);
		expect(readBoundedFileIfPresent(path.join(dir, 'none'), 'record')).toBeUndefined();
	});

	it('refuses a file past the cap of its kind with the limit in the message; a journal reads its newest lines instead', () => {
		const big = path.join(dir, 'big.pem');
		writeFileSync(big, Buffer.alloc(READ_LIMITS.certificate.bytes + 1, 'a'));
		expect(() => readBoundedFile(big, 'certificate')).toThrow(/is larger than 1 MiB, more than any certificate file iamtui reads/);
		const journal = path.join(dir, 'journal.jsonl');
		const line = `${'x'.repeat(1023)}\n`;
		writeFileSync(journal, `first\n${line.repeat(READ_LIMITS.journal.bytes / 1024)}last\n`);
		const tail = readBoundedFile(journal, 'journal', {tail: true});
		expect(tail.startsWith('x')).toBe(true);
		expect(tail.endsWith('last\n')).toBe(true);
		expect(tail).not.toContain('first');
	});
});

describe('every reader refuses a FIFO and /dev/zero at once', () => {
	it('certificates (upload-certificate and the TUI form)', () => {
		expect(readCertificatePem(fifo)).toEqual({ok: false, message: expect.stringMatching(/is not a regular file/)});
		expect(readCertificatePem('/dev/zero')).toEqual({ok: false, message: expect.stringMatching(/\/dev\/zero is not a regular file/)});
	});

	it('policy and template files', async () => {
		await expect(loadTemplate(fifo)).rejects.toThrow(/is not a regular file/);
		await expect(loadTemplate('/dev/zero')).rejects.toThrow(/is not a regular file/);
	});

	it('offboarding records and the rotations file', () => {
		expect(() => new RecordStore(dir).load(fifo)).toThrow(/is not a regular file/);
		symlinkSync('/dev/zero', path.join(dir, 'rotations.json'));
		expect(() => new RotationStore(dir).list()).toThrow(/symbolic link/);
	});

	it('exports for --from-file', async () => {
		await expect(openFileGateway([fifo]).loadSnapshot()).rejects.toThrow(/cannot read the export: .* is not a regular file/);
		await expect(openFileGateway(['/dev/zero']).loadSnapshot()).rejects.toThrow(/is not a regular file/);
	});
});
