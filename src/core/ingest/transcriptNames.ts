/** The file name (`NAME.md`) and source id chosen for one input. */
export interface TranscriptName {
  id: string;
  fileName: string;
}

/** An id from a file name: its base name without extension, white space as `-`, characters unsafe in file names dropped. */
export function idFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).normalize('NFC');
  const id = stem.trim().replace(/\s+/gu, '-').replace(/[<>:"/\\|?*\u0000-\u001f#]/g, '').replace(/^[.-]+/, '');
  return id.length > 0 ? id : 'transcript';
}

/** A transcript already in the target folder. */
export interface ExistingTranscript {
  id: string;
  fileName: string;
}

/**
 * Names for the inputs, in order: the id of each file name, made unique by
 * `-2`, `-3`… against each other and against the ids of transcripts already
 * in the target folder (compared without case). An id is not taken by the
 * file `ID.md` itself: importing again names the same file (which the caller
 * replaces only when forced). Pure.
 */
export function chooseTranscriptNames(fileNames: string[], existing: ExistingTranscript[]): TranscriptName[] {
  const owners = new Map<string, string>();
  for (const transcript of existing) owners.set(transcript.id.toLowerCase(), transcript.fileName.toLowerCase());
  const chosen = new Set<string>();
  const taken = (id: string) => {
    const key = id.toLowerCase();
    if (chosen.has(key)) return true;
    const owner = owners.get(key);
    return owner !== undefined && owner !== `${key}.md`;
  };
  return fileNames.map((fileName) => {
    const base = idFromFileName(fileName);
    let id = base;
    for (let suffix = 2; taken(id); suffix++) id = `${base}-${suffix}`;
    chosen.add(id.toLowerCase());
    return { id, fileName: `${id}.md` };
  });
}
