import type { Command } from '../command';
import { initCommand } from './init';
import { lintCommand } from './lint';
import { excerptsCommand } from './excerpts';
import { plainCommand } from './plain';
import { agreementCommand } from './agreement';
import { summaryCommand } from './summary';
import { codeCommand } from './code';
import { uncodeCommand } from './uncode';
import { memoCommand } from './memo';
import { renameCommand } from './rename';
import { mergeCommand } from './merge';
import { splitCommand } from './split';
import { exportCommand } from './export';
import { importCommand } from './import';
import { pseudonymiseCommand } from './pseudonymise';
import { packCommand } from './pack';
import { workshopCommand } from './workshop';
import { mergeFileCommand } from './mergeFile';
import { gitSetupCommand } from './gitSetup';
import { diffCommand } from './diff';
import { searchCommand } from './search';
import { autocodeCommand } from './autocode';

/** Every sub-command, in the order `mdqda --help` lists them. Add one line per command. */
export const commands: Command[] = [
  initCommand,
  lintCommand,
  plainCommand,
  excerptsCommand,
  searchCommand,
  autocodeCommand,
  summaryCommand,
  agreementCommand,
  codeCommand,
  uncodeCommand,
  memoCommand,
  renameCommand,
  mergeCommand,
  splitCommand,
  packCommand,
  workshopCommand,
  exportCommand,
  importCommand,
  mergeFileCommand,
  gitSetupCommand,
  diffCommand,
  pseudonymiseCommand,
];
