import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file atomically: the data goes to a temporary file in the same
 * folder, which is then renamed over the target, so readers never see a
 * partial file and a failure leaves the old file untouched.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temporary, data);
    try {
      const mode = (await fs.stat(target)).mode;
      await fs.chmod(temporary, mode);
    } catch {
      // New file: default mode.
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
