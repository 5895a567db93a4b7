// scenarios/scenario.schema.json: generated from the zod schema, never stale, and it agrees with the validator.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { renderScenarioJsonSchema, SCHEMA_FILE } from '../../scripts/json-schema.js';
import { brokenFixtures, MINIMAL_FILE, shippedScenarioFiles, TUTORIAL_FILE } from './support.js';

const committed = readFileSync(SCHEMA_FILE, 'utf8');
const schema = JSON.parse(committed) as {
  $schema: string;
  type: string;
  required: string[];
  properties: Record<string, unknown>;
  additionalProperties: boolean;
  definitions: Record<string, unknown>;
};

describe('scenario.schema.json', () => {
  it('is what scripts/json-schema.ts generates now (run `npm run scenario:schema` if not)', () => {
    expect(renderScenarioJsonSchema()).toBe(committed);
  });

  it('is a draft-07 schema of a closed mapping', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
  });

  it('requires exactly the top-level fields without a default', () => {
    expect([...schema.required].sort()).toEqual(
      [
        'schemaVersion',
        'id',
        'title',
        'briefing',
        'start',
        'turns',
        'chairs',
        'indicators',
        'regions',
        'actors',
        'mandate',
        'strategies',
        'actions',
        'scoring',
        'epilogues',
      ].sort(),
    );
    for (const optional of ['version', 'chairBriefs', 'units', 'reinforcements', 'events', 'end', 'mechanics']) {
      expect(schema.properties).toHaveProperty(optional);
      expect(schema.required).not.toContain(optional);
    }
  });

  it('defines the recursive Condition once and refers to it', () => {
    expect(schema.definitions).toHaveProperty('Condition');
    const condition = JSON.stringify(schema.definitions['Condition']);
    expect(condition).toContain('"$ref":"#/definitions/Condition"');
    // Every $ref points at a definition that exists.
    for (const [, name] of committed.matchAll(/"\$ref": "#\/definitions\/([^"]+)"/g))
      expect(schema.definitions).toHaveProperty(name!);
  });

  it('is the schema the tutorial names for editors', () => {
    const tutorial = readFileSync(TUTORIAL_FILE, 'utf8');
    const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(tutorial)?.[1];
    expect(modeline).toBeDefined();
    expect(join(dirname(TUTORIAL_FILE), modeline!)).toBe(SCHEMA_FILE);
  });

  // Read back into zod, the JSON Schema must accept what the validator accepts, and reject what the
  // validator rejects on shape alone (cross-references are beyond a JSON Schema).
  describe('agrees with the validator', () => {
    const fromJson = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);

    it.each([...shippedScenarioFiles(), MINIMAL_FILE].map((f) => [f.replace(/^.*\//, ''), f] as const))(
      'accepts %s',
      (_name, file) => {
        const r = fromJson.safeParse(parseYaml(readFileSync(file, 'utf8')));
        expect(r.success ? [] : r.error.issues).toEqual([]);
      },
    );

    const shapeOnly = [
      'type-string-for-number',
      'type-quoted-number',
      'type-mapping-for-list',
      'missing-top-level-field',
      'missing-nested-field',
      'unknown-field-top',
      'unknown-field-nested',
      'unknown-field-effect',
      'range-violence-150',
      'range-stance-minus-200',
      'range-chance-2',
      'target-in-condition',
    ];
    it.each(
      brokenFixtures()
        .filter((f) => shapeOnly.includes(f.name))
        .map((f) => [f.name, f] as const),
    )('rejects %s', (_name, f) => {
      expect(fromJson.safeParse(parseYaml(f.text)).success).toBe(false);
    });
  });
});
