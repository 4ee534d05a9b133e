// patches/@aws-sdk+xml-builder+3.972.43.patch (applied at npm install, so the tests and the bundle share it):
// the SDK's XML parser built every text node, tag and attribute a character at a time (`text += x[i++]`),
// ran the entity regex over every text, and lower-cased the whole response to look for a DOCTYPE; a
// GetAccountAuthorizationDetails page is mostly long URL-encoded policy documents. Patched, runs are sliced
// out of the response, text without `&` is kept as it is, and the look-ahead lower-cases only what it
// compares: a 461 KB page parses in 4-8 ms instead of 11-17 warm (6-9 instead of 21-24 cold). The answers
// are the same.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {parseXML} from '@aws-sdk/xml-builder';
import {expect, it} from 'vitest';

const MARK = 'iamtui patch (patches/@aws-sdk+xml-builder+3.972.43.patch)';

it('the XML parser the SDK runs here is patched, in both of its builds', () => {
	const main = createRequire(import.meta.url).resolve('@aws-sdk/xml-builder');
	const root = main.slice(0, main.lastIndexOf(`${path.sep}dist-cjs${path.sep}`));
	for (const file of [path.join(root, 'dist-cjs', 'index.js'), path.join(root, 'dist-es', 'xml-parser.js')]) {
		expect(readFileSync(file, 'utf8'), file).toContain(MARK);
	}
});

it('parses as before: entities, CDATA, comments, attributes, repeated and empty elements, whitespace-only text', () => {
	const xml =
		'<?xml version="1.0"?>\r\n<!-- c --><R a="1 &amp; 2" b=\'x\'><T>a &lt;b&gt; &#65;&#x42; &quot;q&quot;</T><E/><E2 k="v"/><M><N>1</N><N>2</N></M>' +
		'text <![CDATA[<raw>&amp;]]> tail<S>  \n  </S><U>%7B%22Version%22%3A%222012-10-17%22%7D</U></R>';
	expect(parseXML(xml)).toEqual({
		R: {'#text': 'text <raw>&amp; tail', T: 'a <b> AB "q"', E: '', E2: {k: 'v'}, M: {N: ['1', '2']}, S: '', U: '%7B%22Version%22%3A%222012-10-17%22%7D', a: '1 & 2', b: 'x'},
	});
	expect(() => parseXML('<A><B>unterminated')).toThrow('missing closing tag </B>');
	expect(parseXML('<A x="1"><B>ok</B></A>')).toEqual({A: {B: 'ok', x: '1'}});
});
