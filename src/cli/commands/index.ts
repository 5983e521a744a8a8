import type { Command } from '../command';
import { initCommand } from './init';
import { lintCommand } from './lint';
import { excerptsCommand } from './excerpts';
import { plainCommand } from './plain';
import { agreementCommand } from './agreement';
import { summaryCommand } from './summary';

/** Every sub-command, in the order `mdqda --help` lists them. Add one line per command. */
export const commands: Command[] = [
  initCommand,
  lintCommand,
  plainCommand,
  excerptsCommand,
  summaryCommand,
  agreementCommand,
];
