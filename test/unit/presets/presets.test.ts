import assert from 'node:assert/strict';
import { flattenCodes, presetNames, readPreset, type PresetCode } from './presetCodes';

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (start: number): number => {
    const value = parseInt(hex.slice(start, start + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

/** Euclidean distance of two colours in RGB space. */
function distance(a: string, b: string): number {
  let sum = 0;
  for (const start of [1, 3, 5]) {
    sum += (parseInt(a.slice(start, start + 2), 16) - parseInt(b.slice(start, start + 2), 16)) ** 2;
  }
  return Math.sqrt(sum);
}

const codesOf = (name: string): PresetCode[] => flattenCodes(readPreset(name).codes);
const idsOf = (codes: PresetCode[]): string[] => codes.map((code) => code.id);
const childrenOf = (codes: PresetCode[], parent: string): string[] =>
  idsOf(codes.filter((code) => code.parent === parent));

// Light theme editor background and the default dark theme background.
const lightBackground = '#ffffff';
const darkBackground = '#1e1e1e';

describe('bundled presets', () => {
  for (const name of presetNames) {
    describe(name, () => {
      it('cites its paper with authors, year and title', () => {
        const source = readPreset(name).source;
        assert.ok(source, `${name} has no source block`);
        assert.equal(typeof source.authors, 'string');
        assert.ok(String(source.year).length > 0);
        assert.equal(typeof source.title, 'string');
      });

      it('gives every code a valid unique id, a name and a description with guidance', () => {
        const codes = codesOf(name);
        assert.ok(codes.length > 0);
        const ids = idsOf(codes);
        assert.equal(new Set(ids).size, ids.length, `duplicate ids in ${name}: ${ids}`);
        for (const code of codes) {
          assert.match(code.id, /^[A-Za-z][A-Za-z0-9_-]*$/);
          assert.ok(code.name && code.name.length > 0, `${code.id} has no name`);
          assert.ok(code.description && code.description.split(/\s+/).length >= 8, `${code.id} description too short`);
        }
      });

      it('sets the group on every root code', () => {
        const group = name;
        for (const code of codesOf(name).filter((candidate) => candidate.parent === null)) {
          assert.equal(code.group, group, `${code.id} should be in group ${group}`);
        }
      });

      it('gives every code a distinct colour readable on light and dark themes', () => {
        const codes = codesOf(name);
        for (const code of codes) {
          assert.match(code.color ?? '', /^#[0-9a-f]{6}$/, `${code.id} colour`);
          const color = code.color as string;
          assert.ok(contrast(color, lightBackground) >= 3, `${code.id} ${color} too light for a light theme`);
          assert.ok(contrast(color, darkBackground) >= 3, `${code.id} ${color} too dark for a dark theme`);
        }
        for (let i = 0; i < codes.length; i += 1) {
          for (let j = i + 1; j < codes.length; j += 1) {
            const gap = distance(codes[i].color as string, codes[j].color as string);
            assert.ok(gap >= 20, `${codes[i].id} and ${codes[j].id} colours are too close (${gap.toFixed(1)})`);
          }
        }
      });
    });
  }

  it('tensions has four tensions T1–T4, each with its two sub-themes', () => {
    const codes = codesOf('tensions');
    assert.deepEqual(idsOf(codes.filter((code) => code.parent === null)), ['T1', 'T2', 'T3', 'T4']);
    for (const root of ['T1', 'T2', 'T3', 'T4']) {
      assert.deepEqual(childrenOf(codes, root), [`${root}a`, `${root}b`]);
    }
    const byId = new Map(codes.map((code) => [code.id, code]));
    assert.match(byId.get('T4')?.name ?? '', /individual motivation vs structural issues/i);
    assert.match(byId.get('T3b')?.name ?? '', /motivation vs lack of skills/i);
  });

  it('tensions history records six step-2 candidates, the step-3 merge into T4 and the added skills theme', () => {
    const history = readPreset('tensions').history ?? [];
    const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value)]);
    const candidates = history.filter((entry) => entry.action === 'candidate' && entry.step === 'step2');
    assert.equal(candidates.length, 6);
    const candidateIds = candidates.flatMap((entry) => asList(entry.to));
    const merges = history.filter((entry) => entry.action === 'merge' && entry.step === 'step3');
    assert.equal(merges.length, 1);
    assert.deepEqual(asList(merges[0].to), ['T4']);
    const merged = asList(merges[0].from);
    assert.equal(merged.length, 3);
    for (const id of merged) assert.ok(candidateIds.includes(id), `${id} merged but never a candidate`);
    const added = history.filter((entry) => /^add(ed)?$/.test(String(entry.action)) && entry.step === 'step3');
    assert.deepEqual(added.flatMap((entry) => asList(entry.to)), ['T3b']);

    // Replaying the history: six codes after step 2, four tensions after step 3.
    const live = new Set<string>();
    for (const entry of history.filter((item) => item.step === 'step2')) asList(entry.to).forEach((id) => live.add(id));
    assert.equal(live.size, 6);
    for (const entry of merges) {
      asList(entry.from).forEach((id) => live.delete(id));
      asList(entry.to).forEach((id) => live.add(id));
    }
    assert.deepEqual([...live].sort(), ['T1', 'T2', 'T3', 'T4']);
  });

  it('mechanisms has the nine mechanisms M1–M9 as roots', () => {
    const codes = codesOf('mechanisms');
    assert.deepEqual(idsOf(codes), ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9']);
    assert.ok(codes.every((code) => code.parent === null && code.group === 'mechanisms'));
  });

  it('facilitators has five levels with their elements, each element carrying its level', () => {
    const codes = codesOf('facilitators');
    const roots = codes.filter((code) => code.parent === null);
    assert.deepEqual(
      roots.map((code) => [code.id, code.level]),
      [['FI', 'micro'], ['FG', 'micro'], ['FO', 'meso'], ['FS', 'macro'], ['FP', 'macro']],
    );
    const expected: Record<string, number> = { FI: 6, FG: 10, FO: 7, FS: 3, FP: 4 };
    for (const root of roots) {
      const children = codes.filter((code) => code.parent === root.id);
      assert.deepEqual(
        idsOf(children),
        Array.from({ length: expected[root.id] }, (_, index) => `${root.id}${index + 1}`),
      );
      for (const child of children) assert.equal(child.level, root.level, `${child.id} level`);
    }
  });

  it('impact has the four kinds, the five levels, the grid columns and the four broad themes', () => {
    const codes = codesOf('impact');
    assert.deepEqual(idsOf(codes.filter((code) => code.parent === null)), ['I1', 'I2', 'I3', 'I4', 'I5']);
    assert.deepEqual(
      codes.filter((code) => code.parent === 'I1').map((code) => code.name),
      ['Outputs', 'Uses', 'Outcomes', 'Impacts (collective)'],
    );
    assert.deepEqual(
      codes.filter((code) => code.parent === 'I2').map((code) => code.level),
      ['micro', 'micro', 'meso', 'macro', 'paradigmatic'],
    );
    assert.equal(childrenOf(codes, 'I5').length, 4);
  });

  it('compromise covers what was compromised, how it was reached and its influence on content, quality and impact', () => {
    const codes = codesOf('compromise');
    const byId = new Map(codes.map((code) => [code.id, code]));
    assert.match(byId.get('C1')?.name ?? '', /what was compromised/i);
    assert.match(byId.get('C2')?.name ?? '', /how the compromise was reached/i);
    assert.deepEqual(
      codes.filter((code) => code.parent === 'C3').map((code) => code.name),
      ['On content', 'On quality', 'On impact'],
    );
  });
});
