import { generateTranscript, random } from '../test/bench/generateCorpus';
import { parseTranscriptWithMap } from '../src/core/syntax/parseTranscript';
const big = generateTranscript(9999, { size: 50_000, crlf: false, nonAscii: true, codingEvery: 300 }, random(7));
for (let i = 0; i < 300; i++) parseTranscriptWithMap(big, { path: 'big.md' });
