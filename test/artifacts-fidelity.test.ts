import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModule } from '@webstir-io/module-contract';
import { buildArtifacts } from '@webstir-io/module-contract/artifacts';

const root = join(import.meta.dirname, '..');

const Lossy = z.object({
  even: z.number().refine((n) => n % 2 === 0),
  checked: z.string().superRefine(() => {}),
  upper: z.string().transform((s) => s.toUpperCase()),
  trimmed: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string()),
  anything: z.custom<string>((v) => typeof v === 'string'),
  when: z.date(),
  big: z.bigint(),
  tags: z.array(z.string().refine((s) => s !== 'x')),
  both: z.intersection(z.object({ a: z.string() }), z.object({ b: z.number() })),
  count: z.coerce.number(),
});

describe('fidelity report', () => {
  it('lists every construct JSON Schema or Pydantic cannot express, with its type and path', async () => {
    const module = createModule({ manifest: { name: 'lossy', version: '1.0.0', kind: 'backend' }, schemas: { Lossy } });
    const { files, fidelity } = await buildArtifacts({ modules: [module] });
    expect(fidelity.map(({ schema, path, construct, target, zodType }) => [schema, path, construct, target, zodType ?? ''].join(' '))).toEqual([
      'Lossy .even refine json-schema ZodEffects',
      'Lossy .checked refine json-schema ZodEffects',
      'Lossy .upper transform json-schema ZodEffects',
      'Lossy .trimmed preprocess json-schema ZodEffects',
      'Lossy .anything custom json-schema ZodEffects',
      'Lossy .when Date json-schema ZodDate',
      'Lossy .big bigint json-schema ZodBigInt',
      'Lossy .tags[] refine json-schema ZodEffects',
      'Lossy .count coerce json-schema ZodNumber',
      'Lossy /properties/both allOf pydantic ',
    ]);
    expect(JSON.parse(files.get('fidelity.json') as string)).toEqual({ constructs: fidelity });
    // In the models, the intersection is a commented Any.
    expect(files.get('python/models.py')).toContain('    both: Any  # not expressible: allOf (see fidelity.json)');
  });

  it('makes them errors with --strict: exit 1, every construct listed, nothing written', () => {
    mkdirSync(join(root, '.tmp'), { recursive: true });
    const project = mkdtempSync(join(root, '.tmp', 'fidelity-'));
    try {
      writeFileSync(join(project, 'entities.ts'), "import { z } from 'zod';\nexport const Even = z.object({ n: z.number().refine((n) => n % 2 === 0), at: z.date() });\n");
      writeFileSync(join(project, 'module-contract.config.json'), JSON.stringify({ schemas: ['entities.ts'], out: 'out' }));
      const run = (args: string[]) => spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), ...args], { cwd: project, encoding: 'utf8' });
      const strict = run(['build', '--strict']);
      expect(strict.stderr).toContain('[fidelity] Even .n: refine (json-schema)');
      expect(strict.stderr).toContain('[fidelity] Even .at: Date (json-schema)');
      expect(strict.stderr).toContain('--strict: 2 constructs cannot be expressed');
      expect(strict.status).toBe(1);
      expect(existsSync(join(project, 'out'))).toBe(false);
      const lenient = run(['build']);
      expect(lenient.stderr).toContain('(2 fidelity notes)');
      expect(lenient.status).toBe(0);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
