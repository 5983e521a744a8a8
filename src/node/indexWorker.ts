import { parentPort } from 'node:worker_threads';
import { analyseTranscript } from '../core/syntax/analyseTranscript';

/** Worker thread entry: parses the texts it is sent and posts their facts back. */
parentPort?.on('message', (message: { id: number; texts: string[] }) => {
  const facts = message.texts.map((text) => analyseTranscript(text));
  parentPort?.postMessage({ id: message.id, facts });
});
