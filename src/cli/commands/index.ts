import type { Command } from '../command';
import { initCommand } from './init';

/** Every sub-command, in the order `mdqda --help` lists them. Add one line per command. */
export const commands: Command[] = [
  initCommand,
];
